package org.conflictkg.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns names into the keys the gazetteer is indexed by, so that spellings that differ only in
 * case, diacritics or punctuation meet: "Deir ez-Zor" and "DEIR EZ ZOR" give the same tokens.
 */
public final class NameKey {

    private NameKey() {}

    /** A token of text: where it is, and its folded key. */
    public record Token(int start, int end, String key) {}

    /** Splits {@code text} into letter-or-digit runs, each with its folded key. */
    public static List<Token> tokens(String text) {
        return tokens(text, 0, text.length());
    }

    public static List<Token> tokens(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int s = i;
                while (i < to) {
                    cp = text.codePointAt(i);
                    if (isWordChar(cp)) {
                        i += Character.charCount(cp);
                    } else if (isInnerApostrophe(text, i, to)) {
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(new Token(s, i, fold(text.substring(s, i))));
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    /** The folded key of one token: lower case, no diacritics, no apostrophes. */
    public static String fold(String token) {
        boolean ascii = true;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        String s = token;
        if (!ascii) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.getType(c) != Character.NON_SPACING_MARK && !isApostrophe(c)) {
                    sb.append(c);
                }
            }
            s = sb.toString();
        } else if (s.indexOf('\'') >= 0) {
            s = s.replace("'", "");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The keys of every token of a name, in order. */
    public static List<String> keys(String name) {
        List<Token> ts = tokens(name);
        List<String> keys = new ArrayList<>(ts.size());
        for (Token t : ts) {
            keys.add(t.key());
        }
        return keys;
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == 'ʿ' || c == 'ʾ' || c == '`' || c == '‘';
    }

    /** An apostrophe between two letters belongs to the word: "Hay'at", "Ba'ath". */
    private static boolean isInnerApostrophe(String text, int i, int to) {
        char c = text.charAt(i);
        return isApostrophe(c) && i > 0 && i + 1 < to
                && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))
                && !(c == '\'' && i + 2 <= to && (i + 2 == to || !Character.isLetter(text.charAt(i + 2))) && text.charAt(i + 1) == 's');
    }
}
