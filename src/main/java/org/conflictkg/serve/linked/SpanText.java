package org.conflictkg.serve.linked;

/**
 * A document's text addressed by Unicode code point offsets, the unit of every stored span, while
 * Java strings count UTF-16 units. Offsets outside the text are clamped, so a damaged span shows
 * less rather than failing the page.
 */
final class SpanText {

    private final String text;
    /** UTF-16 index of each code point offset; null when the text has no surrogate pairs. */
    private final int[] index;
    private final int length;

    SpanText(String text) {
        this.text = text;
        int n = text.codePointCount(0, text.length());
        this.length = n;
        if (n == text.length()) {
            this.index = null;
        } else {
            index = new int[n + 1];
            int i = 0;
            for (int cp = 0; cp < n; cp++) {
                index[cp] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            index[n] = text.length();
        }
    }

    /** The length in code points. */
    int length() {
        return length;
    }

    /** The text between two code point offsets. */
    String slice(int start, int end) {
        int s = clamp(start);
        int e = Math.max(s, clamp(end));
        return text.substring(utf16(s), utf16(e));
    }

    private int clamp(int cp) {
        return Math.max(0, Math.min(cp, length));
    }

    private int utf16(int cp) {
        return index == null ? cp : index[cp];
    }
}
