package org.conflictkg.eval;

import org.conflictkg.extract.Pipeline;
import org.conflictkg.extract.Quotation;
import org.conflictkg.extract.Span;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the extractor over gold documents, scores each with {@link AttributionScorer}, adds the
 * counts up (micro-average: every attribution weighs the same) and prints them as a table, with
 * some of the errors for whoever is improving the extractor. Not thread-safe: one evaluation, one
 * thread.
 *
 * <pre>{@code
 * AttributionEvaluation eval = new AttributionEvaluation(Pipeline.standard(gazetteer), 5);
 * for (GoldCorpus.Article a : corpus.articles()) {
 *     eval.add(corpus.read(a));
 * }
 * eval.printReport(System.out);
 * }</pre>
 */
public final class AttributionEvaluation {

    private static final int EXCERPT = 100;

    private final Pipeline pipeline;
    private final int examples;
    private final boolean directExamples;
    private int documents;
    private int goldWithoutContent;
    private AttributionCounts direct = AttributionCounts.ZERO;
    private AttributionCounts all = AttributionCounts.ZERO;
    private final List<String> missed = new ArrayList<>();
    private final List<String> spurious = new ArrayList<>();
    private final List<String> wrongSource = new ArrayList<>();

    /**
     * @param pipeline the extractor to measure
     * @param examples how many errors of each kind (missed, spurious, wrong source) to keep for
     *     the report, the first ones met; 0 for none
     */
    public AttributionEvaluation(Pipeline pipeline, int examples) {
        this(pipeline, examples, false);
    }

    /**
     * @param examples how many errors of each kind to keep, as above
     * @param directExamples whether the errors kept are those of the comparison of direct
     *     quotations rather than of all attributions
     */
    public AttributionEvaluation(Pipeline pipeline, int examples, boolean directExamples) {
        if (examples < 0) {
            throw new IllegalArgumentException("examples=" + examples + ": must be >= 0");
        }
        this.pipeline = pipeline;
        this.examples = examples;
        this.directExamples = directExamples;
    }

    /** Runs the pipeline on the document and counts its quotations against the gold. */
    public AttributionScore add(GoldDocument gold) {
        return add(gold, pipeline.analyze(gold.document()).quotations());
    }

    /** Counts {@code predicted}, quotations of the document's text, against its gold. */
    public AttributionScore add(GoldDocument gold, List<Quotation> predicted) {
        String text = gold.document().text();
        AttributionScore score = AttributionScorer.score(text, gold.attributions(), predicted);
        documents++;
        goldWithoutContent += score.goldWithoutContent();
        direct = direct.plus(score.direct().counts());
        all = all.plus(score.all().counts());
        AttributionScore.Comparison shown = directExamples ? score.direct() : score.all();
        for (GoldAttribution g : shown.missed()) {
            keep(missed, where(gold, g.content()) + (AttributionScorer.isDirect(text, g.content()) ? " direct   " : " indirect ")
                    + excerpt(text, g.content()) + "   source: " + excerpt(text, g.source()));
        }
        for (Quotation q : shown.spurious()) {
            keep(spurious, where(gold, q.parts()) + (q.kind() == Quotation.Kind.DIRECT ? " direct   " : " reported ")
                    + excerpt(text, q.parts()) + "   source: " + excerpt(text, sourceOf(q)));
        }
        for (AttributionScore.Match m : shown.matches()) {
            if (!m.sourceCorrect()) {
                keep(wrongSource, where(gold, m.gold().content()) + " " + excerpt(text, m.gold().content())
                        + "   gold source: " + excerpt(text, m.gold().source()) + "   predicted: " + excerpt(text, sourceOf(m.predicted())));
            }
        }
        return score;
    }

    public int documents() {
        return documents;
    }

    /** Gold attributions left out of the scores for want of content. */
    public int goldWithoutContent() {
        return goldWithoutContent;
    }

    /** Direct quotations, summed over the documents added. */
    public AttributionCounts direct() {
        return direct;
    }

    /** All attributions, summed over the documents added. */
    public AttributionCounts all() {
        return all;
    }

    /**
     * Prints the table, what its figures mean, and the errors kept. The layout is stable (fixed
     * columns, three decimals, a full stop as decimal separator whatever the locale), so that
     * runs can be compared line by line.
     */
    public void printReport(PrintStream out) {
        out.printf(Locale.ROOT, "scored: %d texts; gold: %d attributions, %d without content (not scored)%n",
                documents, all.gold() + goldWithoutContent, goldWithoutContent);
        out.println();
        out.printf(Locale.ROOT, "%-17s %6s %10s %8s %10s %7s %6s  %s%n",
                "", "gold", "predicted", "matched", "precision", "recall", "F1", "source accuracy");
        row(out, "direct quotations", direct);
        row(out, "all attributions", all);
        out.println();
        out.println("content: a prediction matches a gold content when they share at least half of each; pairs one to one.");
        out.println("source: right when the predicted and gold source spans overlap, or neither exists.");
        out.println("direct: gold content opening and closing at quote marks, against predicted direct quotations.");
        if (examples > 0) {
            AttributionCounts c = directExamples ? direct : all;
            String of = directExamples ? ", direct quotations" : "";
            examples(out, "missed (gold content no prediction matches" + of + ")", missed, c.gold() - c.matched());
            examples(out, "spurious (predicted content matching no gold" + of + ")", spurious, c.predicted() - c.matched());
            examples(out, "wrong source (matched content" + of + ")", wrongSource, c.matched() - c.sourceCorrect());
        }
    }

    private static void row(PrintStream out, String label, AttributionCounts c) {
        out.printf(Locale.ROOT, "%-17s %6d %10d %8d %10.3f %7.3f %6.3f  %6.3f (%d/%d)%n", label, c.gold(), c.predicted(),
                c.matched(), c.precision(), c.recall(), c.f1(), c.sourceAccuracy(), c.sourceCorrect(), c.matched());
    }

    private static void examples(PrintStream out, String title, List<String> kept, int total) {
        out.println();
        out.printf(Locale.ROOT, "%s: %d, first %d shown%n", title, total, kept.size());
        for (String line : kept) {
            out.println("  " + line);
        }
    }

    private void keep(List<String> list, String example) {
        if (list.size() < examples) {
            list.add(example);
        }
    }

    /** The file and the content's offsets as the annotation file counts them, to find it there. */
    private static String where(GoldDocument gold, List<Span> spans) {
        int start = spans.get(0).start();
        int end = spans.get(spans.size() - 1).end();
        return gold.article().name() + ".txt " + gold.fileOffset(start) + "-" + gold.fileOffset(end);
    }

    private static List<Span> sourceOf(Quotation q) {
        return q.source() == null ? List.of() : List.of(q.source());
    }

    private static String excerpt(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            if (sb.length() > 0) {
                sb.append(" \u2026 ");
            }
            sb.append(s.of(text));
        }
        String one = sb.toString().replaceAll("\\s+", " ").strip();
        return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT - 1) + "\u2026";
    }
}
