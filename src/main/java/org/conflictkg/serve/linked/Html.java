package org.conflictkg.serve.linked;

/**
 * HTML text building with everything escaped. Every string that reaches a page from the store or
 * the request goes through {@link #text} or {@link #attr}; links are made only from local paths or
 * http(s) IRIs, so a stored {@code javascript:} IRI never becomes a live link.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    /** Escapes text for element content and for double- or single-quoted attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** True for an href we are willing to write: a local path or an http(s) IRI. */
    static boolean linkable(String href) {
        return href != null && (href.startsWith("/") && !href.startsWith("//")
                || href.startsWith("http://") || href.startsWith("https://") || href.startsWith("#") || href.startsWith("?"));
    }

    /** Trusted markup: literal template text written by this code, never data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    Html text(long n) {
        out.append(n);
        return this;
    }

    /** Opens an element with attributes given as name, value pairs (values escaped). */
    Html open(String tag, String... attrs) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with text content. */
    Html el(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** A link, or plain text when the href is not one we link to. */
    Html link(String href, String text, String... attrs) {
        if (!linkable(href)) {
            return text(text);
        }
        String[] all = new String[attrs.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attrs, 0, all, 2, attrs.length);
        return open("a", all).text(text).close("a");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
