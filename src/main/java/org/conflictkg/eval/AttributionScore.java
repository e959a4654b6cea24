package org.conflictkg.eval;

import org.conflictkg.extract.Quotation;

import java.util.List;

/**
 * What {@link AttributionScorer} found in one text: the comparison restricted to direct
 * quotations, the comparison over all attributions, and how many gold attributions could not be
 * scored because they have no content.
 *
 * @param direct gold direct quotations against predicted {@link Quotation.Kind#DIRECT} quotations
 * @param all every gold attribution with content against every predicted quotation
 * @param goldWithoutContent gold attributions left out of both, having no content span
 */
public record AttributionScore(Comparison direct, Comparison all, int goldWithoutContent) {

    /**
     * One comparison: which gold and predicted contents were paired, and which were left over.
     *
     * @param matches the pairs, in text order of their gold content
     * @param missed gold contents no prediction was paired with, in text order
     * @param spurious predictions paired with no gold content, in text order
     */
    public record Comparison(List<Match> matches, List<GoldAttribution> missed, List<Quotation> spurious) {

        public Comparison {
            matches = List.copyOf(matches);
            missed = List.copyOf(missed);
            spurious = List.copyOf(spurious);
        }

        public AttributionCounts counts() {
            int correct = 0;
            for (Match m : matches) {
                if (m.sourceCorrect()) {
                    correct++;
                }
            }
            return new AttributionCounts(matches.size() + missed.size(), matches.size() + spurious.size(), matches.size(), correct);
        }
    }

    /**
     * A gold content and the prediction paired with it.
     *
     * @param overlap characters the two contents share
     * @param sourceCorrect whether the predicted source is right, as {@link AttributionScorer} defines it
     */
    public record Match(GoldAttribution gold, Quotation predicted, int overlap, boolean sourceCorrect) {}
}
