package org.conflictkg.extract.similar;

import java.util.Arrays;

/**
 * Turns folded text into shingle sets: overlapping n-grams of words or of characters, each hashed
 * to 64 bits.
 *
 * <p>The input is expected to be folded already (lower case, letters and digits, one space between
 * words, as {@code Iris.foldWords} gives), so that renderings differing only in quote marks, case
 * or spacing give the same set. A text shorter than one n-gram is a single shingle of itself; an
 * empty text is the empty set.
 *
 * <pre>{@code
 * ShingleSet s = Shingles.words("our partners are moving fast", 3); // 3 shingles
 * }</pre>
 */
public final class Shingles {

    private Shingles() {}

    /**
     * Word n-grams: robust to a changed word, which breaks only the {@code n} shingles over it.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static ShingleSet words(String folded, int n) {
        checkSize(n);
        long[] words = wordHashes(folded);
        if (words.length == 0) {
            return ShingleSet.of();
        }
        if (words.length <= n) {
            return ShingleSet.of(Hashing.sequence(words, 0, words.length));
        }
        long[] out = new long[words.length - n + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Hashing.sequence(words, i, i + n);
        }
        return ShingleSet.of(out);
    }

    /**
     * Character n-grams: for short texts such as quotations, where one misspelt word ("suporting")
     * should cost a few shingles, not a whole word n-gram's worth of the few there are.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static ShingleSet characters(String folded, int n) {
        checkSize(n);
        int len = folded.length();
        if (len == 0) {
            return ShingleSet.of();
        }
        if (len <= n) {
            return ShingleSet.of(Hashing.chars(folded, 0, len));
        }
        long[] out = new long[len - n + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Hashing.chars(folded, i, i + n);
        }
        return ShingleSet.of(out);
    }

    /**
     * The hashes of the first and of the last {@code words} words, or none when the text has no
     * more than {@code words} words (then the anchor would be the whole text, which an exact match
     * finds anyway). A quotation cut short at either end keeps one of its two anchors, whatever its
     * length ratio to the whole.
     *
     * @throws IllegalArgumentException when {@code words < 1}
     */
    public static long[] edgeAnchors(String folded, int words) {
        checkSize(words);
        long[] w = wordHashes(folded);
        if (w.length <= words) {
            return new long[0];
        }
        // Distinct salts keep a text's first words from matching another's last words.
        return new long[] {
            Hashing.mix(Hashing.sequence(w, 0, words) ^ 0x5F1A5F1A5F1A5F1AL),
            Hashing.mix(Hashing.sequence(w, w.length - words, w.length) ^ 0x7A117A117A117A11L)
        };
    }

    private static long[] wordHashes(String folded) {
        long[] out = new long[Math.max(4, folded.length() / 4)];
        int n = 0;
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean sep = i == folded.length() || Character.isWhitespace(folded.charAt(i));
            if (sep) {
                if (start >= 0) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = Hashing.chars(folded, start, i);
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void checkSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Illegal n-gram size " + n + ": must be at least 1");
        }
    }
}
