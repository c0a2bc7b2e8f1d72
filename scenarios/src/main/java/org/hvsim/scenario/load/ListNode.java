package org.hvsim.scenario.load;

import java.util.List;

/** A YAML sequence, items in file order. */
public record ListNode(SourceLocation location, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return items.isEmpty() ? "an empty list" : "a list";
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
