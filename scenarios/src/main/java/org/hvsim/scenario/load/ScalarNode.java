package org.hvsim.scenario.load;

/**
 * A YAML scalar, kept as the text the user wrote; typing is left to {@link ObjectReader} and
 * {@link Units}, which know what the value is meant to be.
 *
 * @param text   the scalar's value, or {@code null} for a YAML null (an empty value, {@code ~} or
 *               {@code null} written without quotes)
 * @param quoted {@code true} if written quoted ('...' or "...") or as a block scalar (| or >), i.e.
 *               explicitly a string
 */
public record ScalarNode(SourceLocation location, String text, boolean quoted) implements Node {

    public boolean isNull() {
        return text == null;
    }

    @Override
    public String describe() {
        return text == null ? "nothing" : Excerpt.quote(text);
    }

    @Override
    public String toString() {
        return text == null ? "null" : text;
    }
}
