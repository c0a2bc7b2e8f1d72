package org.hvsim.report.html;

/**
 * HTML escaping. Scenario files are user input, and a report is opened in a browser: every name,
 * description and dump from a scenario goes through {@link #escape} so it shows as text.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** Escapes {@code & < > " '}; safe for element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
