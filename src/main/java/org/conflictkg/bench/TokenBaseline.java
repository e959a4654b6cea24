package org.conflictkg.bench;

import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.NameKey;
import org.conflictkg.ingest.Document;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The baseline the text benchmarks are measured against in the same run: tokenising and folding
 * every text, the least any stage that reads words must do. The machine is shared and noisy, so a
 * stage's time divided by this one is the figure to compare across runs.
 */
final class TokenBaseline {

    private TokenBaseline() {}

    /** Seconds to tokenise and fold every text once. */
    static double seconds(List<AnalyzedDocument> docs) {
        long t0 = System.nanoTime();
        long tokens = 0;
        for (AnalyzedDocument a : docs) {
            tokens += NameKey.tokens(a.text()).size();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (tokens < 0) {
            throw new IllegalStateException(); // keeps the loop from being optimised away
        }
        return s;
    }

    /** The texts' size in UTF-8 bytes, the unit of MB/s. */
    static long bytes(List<Document> docs) {
        long bytes = 0;
        for (Document d : docs) {
            bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
