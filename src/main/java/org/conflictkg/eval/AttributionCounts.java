package org.conflictkg.eval;

import java.util.Locale;

/**
 * The counts of one comparison of gold with predicted content, and the figures made from them.
 * Counts add up over texts ({@link #plus}), so figures over a corpus are micro-averaged: every
 * attribution weighs the same, whichever text it is in.
 *
 * <p>A ratio whose denominator is 0 is reported as 0 (nothing predicted gives precision 0,
 * nothing to find gives recall 0), so that a table always has a number to print; the counts say
 * which case it was.
 *
 * @param gold gold contents
 * @param predicted predicted contents
 * @param matched gold and predicted contents paired one to one
 * @param sourceCorrect matched pairs whose source is right
 */
public record AttributionCounts(int gold, int predicted, int matched, int sourceCorrect) {

    /** No attributions at all. */
    public static final AttributionCounts ZERO = new AttributionCounts(0, 0, 0, 0);

    public AttributionCounts {
        if (gold < 0 || predicted < 0 || matched < 0 || sourceCorrect < 0
                || matched > gold || matched > predicted || sourceCorrect > matched) {
            throw new IllegalArgumentException("Inconsistent counts: gold=" + gold + " predicted=" + predicted
                    + " matched=" + matched + " sourceCorrect=" + sourceCorrect
                    + ": need matched <= gold, predicted and sourceCorrect <= matched, none negative");
        }
    }

    public AttributionCounts plus(AttributionCounts o) {
        return new AttributionCounts(gold + o.gold, predicted + o.predicted, matched + o.matched, sourceCorrect + o.sourceCorrect);
    }

    /** Matched predictions over all predictions. */
    public double precision() {
        return predicted == 0 ? 0 : (double) matched / predicted;
    }

    /** Matched gold over all gold. */
    public double recall() {
        return gold == 0 ? 0 : (double) matched / gold;
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Matched pairs with the right source over all matched pairs. */
    public double sourceAccuracy() {
        return matched == 0 ? 0 : (double) sourceCorrect / matched;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "gold=%d predicted=%d matched=%d P=%.3f R=%.3f F1=%.3f source=%d/%d",
                gold, predicted, matched, precision(), recall(), f1(), sourceCorrect, matched);
    }
}
