package org.conflictkg.bench;

import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.ExtractionStage;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.extract.QuotationFinder;
import org.conflictkg.extract.Quotation;
import org.conflictkg.extract.ReportedSpeechFinder;
import org.conflictkg.extract.SpeakerResolver;
import org.conflictkg.ingest.Document;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Measures the quotation and attribution stages together (direct quotations, reported speech,
 * speaker resolution) on one core, against the tokenise-and-fold baseline measured in the same
 * run on the same texts. The stages they depend on (sentences, mentions, roles) run once, outside
 * the timing.
 */
public final class QuotationBenchmark {

    private QuotationBenchmark() {}

    /** The result of one run. */
    public record Result(long bytes, double seconds, double baselineSeconds, long direct, long reported, long attributed) {

        public double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    public static Result run(List<Document> docs, Pipeline pipeline, int rounds, PrintStream out) {
        List<ExtractionStage> before = pipeline.stages().stream()
                .filter(s -> !(s instanceof QuotationFinder || s instanceof ReportedSpeechFinder || s instanceof SpeakerResolver))
                .toList();
        List<ExtractionStage> timed = pipeline.stages().stream()
                .filter(s -> s instanceof QuotationFinder || s instanceof ReportedSpeechFinder || s instanceof SpeakerResolver)
                .toList();
        List<AnalyzedDocument> prepared = docs.stream().map(d -> {
            AnalyzedDocument a = new AnalyzedDocument(d);
            before.forEach(s -> s.process(a));
            return a;
        }).toList();
        long bytes = TokenBaseline.bytes(docs);
        double best = Double.MAX_VALUE;
        double baseline = Double.MAX_VALUE;
        long direct = 0;
        long reported = 0;
        long attributed = 0;
        for (int r = 0; r < rounds; r++) {
            baseline = Math.min(baseline, TokenBaseline.seconds(prepared));
            List<AnalyzedDocument> copies = prepared.stream().map(AnalyzedDocument::copy).toList();
            long t0 = System.nanoTime();
            for (AnalyzedDocument a : copies) {
                for (ExtractionStage s : timed) {
                    s.process(a);
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            direct = 0;
            reported = 0;
            attributed = 0;
            for (AnalyzedDocument a : copies) {
                for (Quotation q : a.quotations()) {
                    if (q.kind() == Quotation.Kind.DIRECT) {
                        direct++;
                    } else {
                        reported++;
                    }
                    if (q.isAttributed()) {
                        attributed++;
                    }
                }
            }
        }
        Result result = new Result(bytes, best, baseline, direct, reported, attributed);
        out.printf(Locale.ROOT, "quotations: %d documents, %.1f MB: %d direct quotations, %d reported statements, %d with a resolved speaker (%.1f%%)%n",
                docs.size(), bytes / 1e6, direct, reported, attributed, 100.0 * attributed / Math.max(1, direct + reported));
        out.printf(Locale.ROOT, "quotations: %.1f MB/s on one core (best of %d); baseline tokenise+fold %.1f MB/s; stages/baseline time %.2f%n",
                result.mbPerSecond(), rounds, bytes / 1e6 / baseline, best / baseline);
        return result;
    }
}
