package org.hvsim.scenario.load;

/**
 * A value in a parsed YAML file: a mapping, a list or a scalar, each remembering where it starts so
 * that any later complaint about it can point at the right line and column.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    /** Where this value starts in its file. */
    SourceLocation location();

    /** A short description for "found ..." in messages: "a mapping", "a list", "nothing", "'abc'". */
    String describe();
}
