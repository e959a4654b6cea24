package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;

/** Splits a text into its non-blank lines, each trimmed of surrounding whitespace. */
final class Lines {

    private Lines() {}

    static List<Span> of(String text) {
        List<Span> lines = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            int end = eol < 0 ? n : eol;
            int s = pos;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (e > s) {
                lines.add(new Span(s, e));
            }
            pos = end + 1;
        }
        return lines;
    }
}
