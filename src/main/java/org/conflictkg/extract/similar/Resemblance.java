package org.conflictkg.extract.similar;

/**
 * How much two shingle sets have in common, measured exactly.
 *
 * <ul>
 *   <li>{@link #jaccard()}: shared / union. High for two renderings of the same text (a typo, other
 *       quote marks); it falls with the length ratio when one text is cut short.
 *   <li>{@link #containment()}: shared / the smaller set (the overlap coefficient). It stays high
 *       when the smaller text is a truncation or a shortened repost of the larger, and is the
 *       measure recorded as a derivation's overlap.
 * </ul>
 *
 * @param sizeA shingles in the first set
 * @param sizeB shingles in the second set
 * @param shared shingles in both; at most the smaller size
 */
public record Resemblance(int sizeA, int sizeB, int shared) {

    public Resemblance {
        if (sizeA < 0 || sizeB < 0 || shared < 0 || shared > Math.min(sizeA, sizeB)) {
            throw new IllegalArgumentException("Illegal resemblance sizeA=" + sizeA + " sizeB=" + sizeB
                    + " shared=" + shared + ": need 0 <= shared <= min(sizeA, sizeB)");
        }
    }

    /** Measures {@code a} against {@code b}. */
    public static Resemblance of(ShingleSet a, ShingleSet b) {
        return new Resemblance(a.size(), b.size(), a.shared(b));
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    public double jaccard() {
        int union = sizeA + sizeB - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /** |A ∩ B| / min(|A|, |B|): the share of the smaller set found in the larger; 0 when one is empty. */
    public double containment() {
        int min = Math.min(sizeA, sizeB);
        return min == 0 ? 0 : (double) shared / min;
    }
}
