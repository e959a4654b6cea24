package org.conflictkg.bench;

import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.BoilerplateMarker;
import org.conflictkg.extract.similar.BodyText;
import org.conflictkg.extract.similar.Fingerprint;
import org.conflictkg.extract.similar.NearDuplicateIndex;
import org.conflictkg.extract.similar.Resemblance;
import org.conflictkg.extract.similar.ReuseCriteria;
import org.conflictkg.extract.similar.ShingleSet;
import org.conflictkg.ingest.Document;
import org.conflictkg.rdf.Iris;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How the cost of finding reposts grows with the corpus: the documents are fingerprinted, looked up
 * in the LSH index, their candidates verified and the documents added, as a load does, for the
 * first quarter, half and all of the corpus; the times are given as ratios to the quarter's, so
 * near-linear growth reads as about 2 and 4. The documents are taken in a fixed shuffled order,
 * so that each prefix is a fair sample: in reading order a folder sorted by name puts one source's
 * long articles first and another's short ones last. A brute-force baseline, every pair compared exactly,
 * runs on the quarter; it gives the pairs LSH should find there (its recall) and, times sixteen,
 * what it would cost on the whole.
 *
 * <p>Verification re-shingles the candidate's text, as the store does after reading it. The
 * machine is shared and noisy: after an untimed warm-up, each size is run {@code rounds} times and
 * the fastest kept.
 *
 * <pre>{@code
 * RepostBenchmark.Corpus c = new RepostBenchmark.Corpus();
 * documents.forEach(c::add);
 * RepostBenchmark.run(c, 3, 10, System.out);
 * }</pre>
 */
public final class RepostBenchmark {

    private static final ReuseCriteria CRITERIA = ReuseCriteria.DOCUMENTS;
    private static final BoilerplateMarker BOILERPLATE = new BoilerplateMarker();

    private RepostBenchmark() {}

    /**
     * The documents to measure, kept as their folded bodies (the text outside what
     * {@link BoilerplateMarker} marks, as a load compares them) rather than as read, so that a corpus
     * of tens of thousands of articles fits in memory.
     */
    public static final class Corpus {
        private final List<String> names = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private final List<String> dates = new ArrayList<>();
        private final List<String> folded = new ArrayList<>();
        private long bytes;

        public void add(Document d) {
            names.add(d.metadata().fileName());
            titles.add(d.metadata().title());
            dates.add(d.metadata().date());
            AnalyzedDocument a = new AnalyzedDocument(d);
            BOILERPLATE.process(a);
            folded.add(Iris.foldWords(BodyText.without(d.text(), a.boilerplate())));
            bytes += d.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        public int size() {
            return folded.size();
        }
    }

    /** A verified pair: {@code a} was indexed before {@code b} looked it up. */
    public record Pair(int a, int b, Resemblance resemblance) {}

    /**
     * One size, its best round.
     *
     * @param fingerprintSeconds folding is done before; shingling and MinHash
     * @param lookupSeconds LSH probes for candidates, and adding each document to the index
     * @param verifySeconds re-shingling each candidate's text and comparing exactly: grows with the
     *     candidates, true reposts among them, not with the index
     * @param candidates candidates over all lookups
     */
    public record Run(int documents, double fingerprintSeconds, double lookupSeconds, double verifySeconds,
                      long candidates, List<Pair> pairs) {

        public double seconds() {
            return fingerprintSeconds + lookupSeconds + verifySeconds;
        }

        /** Candidates that verification refused, per document: the price of LSH's false positives. */
        public double chanceCandidatesPerDocument() {
            return (double) (candidates - pairs.size()) / documents;
        }
    }

    /** The runs at a quarter, a half and all of the corpus, and the brute-force baseline on the quarter. */
    public record Result(List<Run> runs, int bruteDocuments, double bruteSeconds, List<Pair> brutePairs, double recall) {}

    /**
     * Measures and prints.
     *
     * @param rounds timed rounds per size, the fastest kept; at least 1
     * @param sample how many found pairs to print for checking by eye
     * @throws IllegalArgumentException when the corpus has fewer than 4 documents or rounds is below 1
     */
    public static Result run(Corpus corpus, int rounds, int sample, PrintStream out) {
        int n = corpus.size();
        if (n < 4 || rounds < 1) {
            throw new IllegalArgumentException("Need at least 4 documents and 1 round, got " + n + " documents and " + rounds + " rounds");
        }
        out.printf(Locale.ROOT, "reposts: %,d documents, %.1f MB, in a fixed shuffled order; %s%n", n, corpus.bytes / 1e6, CRITERIA);
        int[] order = shuffled(n);
        // One untimed pass, so that the quarter, measured first, is not also measuring the JIT.
        indexAndLookUp(corpus, order, n / 4);
        List<Run> runs = new ArrayList<>();
        for (int size : new int[] {n / 4, n / 2, n}) {
            Run best = null;
            for (int r = 0; r < rounds; r++) {
                Run run = indexAndLookUp(corpus, order, size);
                if (best == null || run.seconds() < best.seconds()) {
                    best = run;
                }
            }
            runs.add(best);
            Run base = runs.get(0);
            out.printf(Locale.ROOT, "reposts: N=%,7d  fingerprint %6.2f s  index+lookup %6.3f s  verify %6.3f s  total %6.2f s  "
                            + "x%.2f of N/4 (index+lookup x%.2f)  pairs %,d  chance candidates/doc %.3f%n",
                    size, best.fingerprintSeconds(), best.lookupSeconds(), best.verifySeconds(), best.seconds(),
                    best.seconds() / base.seconds(), best.lookupSeconds() / base.lookupSeconds(), best.pairs().size(),
                    best.chanceCandidatesPerDocument());
        }
        Run quarter = runs.get(0);
        int q = quarter.documents();
        long t0 = System.nanoTime();
        List<Pair> brute = allPairs(corpus, order, q);
        double bruteSeconds = (System.nanoTime() - t0) / 1e9;
        java.util.Set<Long> lshPairs = new java.util.HashSet<>();
        quarter.pairs().forEach(p -> lshPairs.add(((long) p.a() << 32) | p.b()));
        long bothFound = brute.stream().filter(b -> lshPairs.contains(((long) b.a() << 32) | b.b())).count();
        double recall = brute.isEmpty() ? 1 : (double) bothFound / brute.size();
        out.printf(Locale.ROOT, "reposts: brute force, N=%,d: %,d pairs compared exactly in %.2f s (x%.1f the LSH run at the same N); %d pairs, LSH found %d of them (recall %.3f)%n",
                q, (long) q * (q - 1) / 2, bruteSeconds, bruteSeconds / quarter.seconds(), brute.size(), bothFound, recall);
        Run all = runs.get(runs.size() - 1);
        double scale = Math.pow((double) all.documents() / q, 2);
        out.printf(Locale.ROOT, "reposts: brute force at N=%,d would take about %.1f s (x%.1f, quadratic); LSH took %.2f s (x%.2f)%n",
                all.documents(), bruteSeconds * scale, scale, all.seconds(), all.seconds() / quarter.seconds());
        List<Pair> found = new ArrayList<>(all.pairs());
        found.sort(Comparator.comparingDouble((Pair p) -> -p.resemblance().containment()).thenComparingInt(Pair::a).thenComparingInt(Pair::b));
        out.printf(Locale.ROOT, "reposts: %,d derived pairs at N=%,d (containment >= %.2f); a sample to check by eye:%n",
                found.size(), all.documents(), CRITERIA.minContainment());
        int step = Math.max(1, found.size() / Math.max(1, sample));
        for (int i = 0, shown = 0; i < found.size() && shown < sample; i += step, shown++) {
            Pair p = found.get(i);
            out.printf(Locale.ROOT, "  containment %.3f  jaccard %.3f  %s (%s) ~ %s (%s)%n    %s%n    %s%n",
                    p.resemblance().containment(), p.resemblance().jaccard(),
                    corpus.names.get(p.a()), corpus.dates.get(p.a()), corpus.names.get(p.b()), corpus.dates.get(p.b()),
                    corpus.titles.get(p.a()), corpus.titles.get(p.b()));
        }
        return new Result(runs, q, bruteSeconds, brute, recall);
    }

    /** The permutation the runs take the documents in: fixed, so runs are comparable. */
    private static int[] shuffled(int n) {
        java.util.List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        java.util.Collections.shuffle(ids, new java.util.Random(20170912L));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What a load does for each new document, over the first {@code size} documents of {@code order}. */
    private static Run indexAndLookUp(Corpus corpus, int[] order, int size) {
        NearDuplicateIndex index = new NearDuplicateIndex(CRITERIA);
        List<Pair> pairs = new ArrayList<>();
        long fingerprintNanos = 0;
        long lookupNanos = 0;
        long verifyNanos = 0;
        long candidates = 0;
        for (int i = 0; i < size; i++) {
            long t0 = System.nanoTime();
            int doc = order[i];
            Fingerprint f = CRITERIA.fingerprint(corpus.folded.get(doc));
            long t1 = System.nanoTime();
            // What NearDuplicateIndex.matches does, unrolled to time the probes and the checks apart.
            int[] found = index.candidates(f);
            index.add(doc, f);
            long t2 = System.nanoTime();
            candidates += found.length;
            for (int id : found) {
                Resemblance r = Resemblance.of(f.shingles(), CRITERIA.shingles(corpus.folded.get(id)));
                if (CRITERIA.accepts(r)) {
                    pairs.add(new Pair(id, doc, r));
                }
            }
            fingerprintNanos += t1 - t0;
            lookupNanos += t2 - t1;
            verifyNanos += System.nanoTime() - t2;
        }
        return new Run(size, fingerprintNanos / 1e9, lookupNanos / 1e9, verifyNanos / 1e9, candidates, pairs);
    }

    /** Every pair among the first {@code size} documents of {@code order} compared exactly: what LSH spares. */
    private static List<Pair> allPairs(Corpus corpus, int[] order, int size) {
        ShingleSet[] sets = new ShingleSet[size];
        for (int i = 0; i < size; i++) {
            sets[i] = CRITERIA.shingles(corpus.folded.get(order[i]));
        }
        List<Pair> out = new ArrayList<>();
        for (int b = 1; b < size; b++) {
            for (int a = 0; a < b; a++) {
                Resemblance r = Resemblance.of(sets[b], sets[a]);
                if (CRITERIA.accepts(r)) {
                    out.add(new Pair(order[a], order[b], r));
                }
            }
        }
        return out;
    }
}
