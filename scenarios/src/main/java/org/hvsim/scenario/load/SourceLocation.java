package org.hvsim.scenario.load;

import java.util.Objects;

/**
 * A place in a scenario file. Lines and columns are 1-based, as editors show them; columns count
 * Unicode code points, not bytes.
 */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        // Clamped rather than rejected: a location comes from a parser we do not control, and a
        // slightly wrong position is better than an exception while reporting another problem.
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    /** The first character of {@code file}; used when nothing more precise is known. */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
