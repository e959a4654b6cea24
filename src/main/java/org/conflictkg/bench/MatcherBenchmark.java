package org.conflictkg.bench;

import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.BoilerplateMarker;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerMentionFinder;
import org.conflictkg.extract.SentenceSplitter;
import org.conflictkg.ingest.Document;

import java.io.PrintStream;
import java.util.List;

/**
 * Measures how fast the gazetteer matcher scans text, against a baseline measured in the same run
 * on the same texts: tokenising and folding them without looking anything up. The machine is
 * shared and noisy, so the ratio is the figure to compare across runs; MB/s is given for scale.
 */
public final class MatcherBenchmark {

    private MatcherBenchmark() {}

    /** The result of one run. */
    public record Result(long bytes, double matcherSeconds, double baselineSeconds, long mentions) {

        public double matcherMBps() {
            return bytes / 1e6 / matcherSeconds;
        }

        public double baselineMBps() {
            return bytes / 1e6 / baselineSeconds;
        }
    }

    public static Result run(List<Document> docs, Gazetteer gazetteer, int rounds, PrintStream out) {
        // Sentences are the matcher's input; they are found once, outside the timing.
        List<AnalyzedDocument> prepared = docs.stream().map(d -> {
            AnalyzedDocument a = new AnalyzedDocument(d);
            new BoilerplateMarker().process(a);
            new SentenceSplitter().process(a);
            return a;
        }).toList();
        long bytes = TokenBaseline.bytes(docs);
        GazetteerMentionFinder finder = new GazetteerMentionFinder(gazetteer);
        long mentions = 0;
        double best = Double.MAX_VALUE;
        double baseline = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            baseline = Math.min(baseline, TokenBaseline.seconds(prepared));
            long t0 = System.nanoTime();
            long n = 0;
            for (AnalyzedDocument a : prepared) {
                AnalyzedDocument copy = new AnalyzedDocument(a.document());
                a.sentences().forEach(copy::addSentence);
                finder.process(copy);
                n += copy.mentions().size();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            mentions = n;
        }
        Result result = new Result(bytes, best, baseline, mentions);
        out.printf(java.util.Locale.ROOT, "matcher: %d documents, %.1f MB, %d mentions, %d gazetteer names%n",
                docs.size(), bytes / 1e6, mentions, gazetteer.labelCount());
        out.printf(java.util.Locale.ROOT, "matcher: %.1f MB/s on one core (best of %d); baseline tokenise+fold %.1f MB/s; matcher/baseline time %.2f%n",
                result.matcherMBps(), rounds, result.baselineMBps(), best / baseline);
        return result;
    }
}
