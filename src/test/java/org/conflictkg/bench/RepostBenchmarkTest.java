package org.conflictkg.bench;

import org.conflictkg.ingest.DocumentReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepostBenchmarkTest {

    /** A text of random words from a vocabulary large enough that unrelated texts share no 5-gram. */
    private static String words(SplittableRandom rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i % 12 == 11 ? ". " : " ").append("w").append(rnd.nextInt(5000));
        }
        return sb.append('.').toString();
    }

    @Test
    void findsThePlantedRepostsAndAgreesWithBruteForce() {
        SplittableRandom rnd = new SplittableRandom(3);
        RepostBenchmark.Corpus corpus = new RepostBenchmark.Corpus();
        String[] originals = new String[40];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = words(rnd, 200);
            corpus.add(DocumentReader.fromText(originals[i], "original-" + i + ".txt"));
        }
        // A shortened repost of each: three quarters of it, with words of its own added.
        Set<String> planted = new HashSet<>();
        for (int i = 0; i < originals.length; i++) {
            String repost = originals[i].substring(0, originals[i].length() * 3 / 4) + " " + words(rnd, 30);
            corpus.add(DocumentReader.fromText(repost, "repost-" + i + ".txt"));
            planted.add(i + "~" + (originals.length + i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RepostBenchmark.Result r = RepostBenchmark.run(corpus, 1, 3, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(3, r.runs().size());
        assertEquals(20, r.runs().get(0).documents());
        assertEquals(80, r.runs().get(2).documents());
        Set<String> found = new HashSet<>();
        for (RepostBenchmark.Pair p : r.runs().get(2).pairs()) {
            found.add(Math.min(p.a(), p.b()) + "~" + Math.max(p.a(), p.b()));
        }
        assertEquals(planted, found);
        // The quarter holds some pairs (both halves of a pair drawn into it), and LSH found them all.
        assertTrue(r.brutePairs().size() > 0);
        assertEquals(r.brutePairs().size(), r.runs().get(0).pairs().size());
        assertEquals(1.0, r.recall());
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("brute force, N=20"), report);
        assertTrue(report.contains("40 derived pairs at N=80"), report);
    }

    @Test
    void tooSmallACorpusIsRefused() {
        RepostBenchmark.Corpus corpus = new RepostBenchmark.Corpus();
        corpus.add(DocumentReader.fromText("One short text.", "a.txt"));
        assertThrows(IllegalArgumentException.class, () -> RepostBenchmark.run(corpus, 1, 1, System.out));
    }
}
