package org.conflictkg.ingest;

import java.util.Locale;

/**
 * Replaces the characters that no article means and that XML 1.0 (so RDF/XML, and the HTML
 * pages) cannot carry: C0 controls other than tab, line feed and carriage return; DEL and the C1
 * controls (in text decoded as UTF-8, almost always Windows-1252 gone wrong); unpaired surrogates
 * (JSON can escape one, {@code "\ud800"}, and UTF-8 cannot store it); and the noncharacters
 * U+FFFE and U+FFFF. Scraped text carries them (terminal colour codes, form feeds from PDFs,
 * stray NULs in JSON), and refusing a whole article for one would lose it.
 *
 * <p>Each is replaced by exactly one code point, so every offset into the text stays an offset
 * into the file: vertical tab, form feed and NEL by a line feed, unpaired surrogates and
 * noncharacters by U+FFFD, the rest by a space.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /**
     * Text with its control characters replaced.
     *
     * @param text the text to store
     * @param replaced how many were replaced
     * @param firstOffset code point offset of the first, or -1
     * @param firstCodePoint the first one replaced, or -1
     */
    public record Replaced(String text, int replaced, int firstOffset, int firstCodePoint) {

        /** What was done, for a warning: "2 control characters replaced (the first, U+001B, at character 14)". */
        public String note() {
            return String.format(Locale.ROOT, "%d control character%s replaced (the first, U+%04X, at character %d)",
                    replaced, replaced == 1 ? "" : "s", firstCodePoint, firstOffset);
        }
    }

    /** Replaces the control characters of {@code s}; returns it unchanged (the same string) when it has none. */
    public static Replaced replace(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && !needsReplacing(s, i)) {
            i++;
        }
        if (i == n) {
            return new Replaced(s, 0, -1, -1);
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        int count = 0;
        int firstOffset = -1;
        int firstCodePoint = -1;
        int codePoints = s.codePointCount(0, i);
        while (i < n) {
            char c = s.charAt(i);
            int cp;
            int width;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                width = 2;
            } else {
                cp = c;
                width = 1;
            }
            if (needsReplacing(s, i)) {
                if (count++ == 0) {
                    firstOffset = codePoints;
                    firstCodePoint = cp;
                }
                out.append(replacement(c));
            } else {
                out.append(s, i, i + width);
            }
            i += width;
            codePoints++;
        }
        return new Replaced(out.toString(), count, firstOffset, firstCodePoint);
    }

    private static boolean needsReplacing(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == '\uFFFE' || c == '\uFFFF';
    }

    private static char replacement(char c) {
        if (c == 0x0B || c == 0x0C || c == 0x85) {
            return '\n';
        }
        if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            return '\uFFFD';
        }
        return ' ';
    }
}
