package org.hvsim.scenario.schema;

/** What kind of value a scenario key holds; decides how it is read, documented and described in the JSON Schema. */
public enum KeyType {
    /** Free text. */
    TEXT("text"),
    /** A whole number; can be swept. */
    INTEGER("integer"),
    /** A plain number (5, 0.5, 1e3); can be swept. */
    DECIMAL("number"),
    /** A number with a unit ("10 ms", "4 GB"); can be swept. */
    QUANTITY("quantity"),
    /** true or false. */
    BOOLEAN("true | false"),
    /** One of a fixed set of names. */
    CHOICE("choice"),
    /** A duration-valued distribution, or a plain duration meaning a constant. */
    DISTRIBUTION("distribution"),
    /** A nested mapping with its own keys. */
    MAPPING("mapping"),
    /** A list of mappings with their own keys. */
    LIST("list"),
    /** A list whose items are a built-in name or a mapping with its own keys (architectures). */
    NAME_OR_MAPPING_LIST("list"),
    /** A file path, relative to the file that names it. */
    FILE("file"),
    /** One file path or a list of them, relative to the file that names them. */
    FILES("file or list of files");

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    /** How the type is named in docs/scenario-format.md. */
    public String label() {
        return label;
    }

    /** Whether a list or a {from, to, step} range may stand for the value (a sweep). */
    public boolean sweepable() {
        return this == INTEGER || this == DECIMAL || this == QUANTITY;
    }
}
