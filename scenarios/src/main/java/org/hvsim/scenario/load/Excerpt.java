package org.hvsim.scenario.load;

/**
 * Quotes user text for messages. Shortens it and makes control characters visible, because the text
 * may come from a damaged or binary file and must not garble the terminal or hide the message.
 */
public final class Excerpt {

    static final int MAX_CHARS = 40;

    private Excerpt() {
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (shown == MAX_CHARS) {
                out.append('…');
                break;
            }
            shown++;
            if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(cp) || !Character.isDefined(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE
                    // U+2028 and U+2029 break lines in terminals and editors: one problem must stay one line.
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u{%X}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append('\'').toString();
    }
}
