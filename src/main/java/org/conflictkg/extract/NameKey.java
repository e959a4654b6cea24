package org.conflictkg.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns names into the keys the gazetteer is indexed by, so that spellings that differ in case,
 * diacritics, punctuation or the usual ways of writing Arabic in Latin letters meet: "Ras al-Ain",
 * "Ras el-Ayn" and "RAS AL-AIN" all give the keys {@code [ras, in]}; "Ar-Raqqah" and "Raqqa" both
 * give {@code [raqa]}.
 *
 * <p>The folding, applied to each token on its own so that a text can be keyed as it is scanned:
 *
 * <ul>
 *   <li>case, diacritics and apostrophes (ʿayn, hamza) go;
 *   <li>the Arabic article — {@code al}, {@code el}, and its assimilated forms {@code ez-}, {@code
 *       ad-}, {@code ash-} ... when written with a hyphen or between two words — is skipped, and an
 *       article fused to its word ("Ezzor", "Assad") is cut off: {@code zor}, {@code sad};
 *   <li>doubled letters are single ({@code raqqa} = {@code raqa});
 *   <li>vowels fold to three: {@code ei ey ay ai ee e i y} to {@code i} or {@code a} as below, {@code
 *       ou oo aw au o u} to {@code u}; a final {@code h} after a vowel goes ({@code raqqah} = {@code
 *       raqqa}).
 * </ul>
 *
 * Both the gazetteer's names and the text go through the same folding, so a collision it causes
 * can only join two names that are written alike once folded; the matcher's ranking decides.
 */
public final class NameKey {

    private NameKey() {}

    /**
     * A token of text: where it is, and its folded key.
     *
     * @param article true for an Arabic article that names skip ("al", "el", "ez-", ...)
     */
    public record Token(int start, int end, String key, boolean article) {}

    private static final java.util.Set<String> ALWAYS_ARTICLES = java.util.Set.of("al", "el");
    /** Assimilated forms: articles only when hyphenated or standing between two words of a name. */
    private static final java.util.Set<String> SUN_ARTICLES = java.util.Set.of(
            "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "esh", "et", "ez",
            "ud", "ur", "us", "ut", "uz", "il", "ul");

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
                String raw = text.substring(s, i);
                String lower = simpleFold(raw);
                boolean hyphenAfter = i < to && (text.charAt(i) == '-' || text.charAt(i) == '‐');
                boolean article = ALWAYS_ARTICLES.contains(lower)
                        || (SUN_ARTICLES.contains(lower) && (hyphenAfter || (Character.isLowerCase(raw.charAt(0))
                                && betweenCapitalisedWords(text, from, s, i, to))));
                out.add(new Token(s, i, article ? "" : transliterationFold(lower), article));
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    /** The folded key of one token, as the gazetteer indexes it. */
    public static String fold(String token) {
        return transliterationFold(simpleFold(token));
    }

    /** Lower case, no diacritics, no apostrophes. */
    static String simpleFold(String token) {
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

    /** The keys of every token of a name, in order, articles left out. */
    public static List<String> keys(String name) {
        List<Token> ts = tokens(name);
        List<String> keys = new ArrayList<>(ts.size());
        for (Token t : ts) {
            if (!t.article()) {
                keys.add(t.key());
            }
        }
        return keys;
    }

    /** "Tall as Sultan": the token at [s, e) stands alone between two capitalised words. */
    private static boolean betweenCapitalisedWords(String text, int from, int s, int e, int to) {
        if (e + 1 >= to || text.charAt(e) != ' ' || !Character.isUpperCase(text.charAt(e + 1))) {
            return false;
        }
        if (s - 2 < from || text.charAt(s - 1) != ' ') {
            return false;
        }
        int p = s - 2;
        while (p > from && isWordChar(text.charAt(p - 1))) {
            p--;
        }
        return Character.isUpperCase(text.charAt(p));
    }

    /** Folds one lower-case, diacritic-free token (see the class comment). */
    static String transliterationFold(String t) {
        int n = t.length();
        if (n == 0) {
            return t;
        }
        // An article fused to its word: a/e + a doubled sun letter, as in "ezzor", "assad", "arraqqa".
        if (n >= 5 && (t.charAt(0) == 'a' || t.charAt(0) == 'e') && isSunLetter(t.charAt(1)) && t.charAt(2) == t.charAt(1)
                && isVowel(t.charAt(3))) {
            t = t.substring(2);
            n = t.length();
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            char mapped;
            if (c == 'o' || c == 'u') {
                mapped = 'u';
                if (next == 'u' || next == 'o' || next == 'w') {
                    i++;
                }
            } else if (c == 'a' && (next == 'w' || next == 'u')) {
                mapped = 'u';
                i++;
            } else if ((c == 'e' || c == 'a') && (next == 'i' || next == 'y')) {
                mapped = 'i';
                i++;
            } else if (c == 'e' && next == 'e') {
                mapped = 'i';
                i++;
            } else if (c == 'e') {
                mapped = 'a';
            } else if (c == 'y' && i > 0) {
                mapped = 'i';
            } else {
                mapped = c;
            }
            int len = out.length();
            if (len > 0 && out.charAt(len - 1) == mapped) {
                continue; // doubled letters are single
            }
            out.append(mapped);
        }
        int len = out.length();
        if (len > 2 && out.charAt(len - 1) == 'h' && isVowel(out.charAt(len - 2))) {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isSunLetter(char c) {
        return c == 't' || c == 'd' || c == 'r' || c == 'z' || c == 's' || c == 'n' || c == 'l';
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
                && !(text.charAt(i + 1) == 's' && (i + 2 == to || !Character.isLetter(text.charAt(i + 2))));
    }
}
