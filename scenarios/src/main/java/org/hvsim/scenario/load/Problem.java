package org.hvsim.scenario.load;

import java.util.Objects;

/** One mistake in a scenario file, pinned to where it was found. */
public record Problem(SourceLocation at, String message) {

    public Problem {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return at + ": " + message;
    }
}
