package org.conflictkg.bench;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.ingest.FieldMapping;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;
import org.conflictkg.reason.Materializer;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadListener;
import org.conflictkg.store.LoadReport;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Measures materialized reasoning during loads, all figures from one run on one machine:
 *
 * <ol>
 *   <li>a load of the first N articles of a JSON Lines corpus into an empty store, with
 *       reasoning: the time the {@link Materializer} spends inside the load's transactions as a
 *       share of the whole load (reading, extraction, writing and reasoning);
 *   <li>R batches of B further articles, each added to that store and, separately, to an empty
 *       store whose reference data (ontology, curated actors) has already been reasoned over: the
 *       materialization time of the same batch in both, and their ratio, which stays near 1 when
 *       the cost follows the batch and not the store;
 *   <li>whether the inferences built batch by batch equal those recomputed from scratch.
 * </ol>
 *
 * <p>It needs a JSON Lines file (optionally gzipped) with at least N + R x B lines, and writes
 * temporary stores under the system's temporary folder, deleted afterwards.
 */
public final class ReasoningBenchmark {

    private ReasoningBenchmark() {}

    /**
     * The figures of one run.
     *
     * @param documents articles in the large load
     * @param loadSeconds wall time of the large load
     * @param materializeSeconds of it, time spent materializing
     * @param intoLargeMillis per round, materialization time of the batch added to the large store
     * @param intoEmptyMillis per round, the same batch into an empty store
     * @param incrementalEqualsFull whether recomputing from scratch changed nothing
     */
    public record Result(long documents, double loadSeconds, double materializeSeconds,
                         double[] intoLargeMillis, double[] intoEmptyMillis, boolean incrementalEqualsFull) {

        public double share() {
            return materializeSeconds / loadSeconds;
        }

        /** Median over rounds of (into the large store) / (into an empty store). */
        public double medianRatio() {
            return ReasoningBenchmark.medianRatio(intoLargeMillis, intoEmptyMillis);
        }
    }

    public static Result run(Path corpus, FieldMapping fields, int limit, int batch, int rounds, Gazetteer gazetteer,
                             PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("kg-bench-reasoning");
        try {
            List<Path> parts = split(corpus, work, limit, batch, rounds);
            Iris iris = Iris.defaults();
            Pipeline pipeline = Pipeline.standard(gazetteer);
            DocumentReader reader = new DocumentReader(fields);
            try (KnowledgeStore large = KnowledgeStore.open(work.resolve("large"), iris)) {
                DocumentMapper mapper = new DocumentMapper(iris, gazetteer);
                Materializer m = Materializer.standard(iris);
                large.setWriteHook(m);
                long cpu0 = processCpuNanos();
                LoadReport r = large.load(List.of(parts.get(0)), reader, pipeline, mapper, LoadListener.SILENT);
                long loadCpu = processCpuNanos() - cpu0;
                Materializer.Totals t = m.totals();
                double loadS = r.millis() / 1e3;
                double matS = t.nanos() / 1e9;
                out.printf(Locale.ROOT, "load of %d articles from %s into an empty store, with reasoning: %.1f s wall, %.1f s CPU (all threads)%n",
                        r.added(), corpus.getFileName(), loadS, loadCpu / 1e9);
                out.printf(Locale.ROOT, "  materialization: %.2f s wall = %.1f%% of the load's wall time; %.2f s CPU = %.1f%% of the load's CPU time"
                                + " (goal: at most 20%%)%n",
                        matS, 100 * matS / loadS, t.cpuNanos() / 1e9, 100.0 * t.cpuNanos() / loadCpu);
                out.printf(Locale.ROOT, "    first run, over the reference data and the first batch: %.2f s; then %d incremental batches: %.2f s"
                                + " (reading the delta back %.2f s, alliance blocs %.2f s: %d updates, %d recomputations)%n",
                        t.fullNanos() / 1e9, t.updates(), (t.nanos() - t.fullNanos()) / 1e9, t.deltaNanos() / 1e9,
                        t.blocNanos() / 1e9, t.blocUpdates(), t.blocRecomputes());
                printQuads(large, out);

                double[] intoLarge = new double[rounds];
                double[] intoEmpty = new double[rounds];
                double[] intoLargeCpus = new double[rounds];
                double[] intoEmptyCpus = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    Path part = parts.get(i + 1);
                    Materializer ml = Materializer.standard(iris);
                    large.setWriteHook(ml);
                    LoadReport rl = large.load(List.of(part), reader, pipeline, mapper, LoadListener.SILENT);
                    intoLarge[i] = ml.totals().nanos() / 1e6;
                    double intoLargeCpu = ml.totals().cpuNanos() / 1e6;
                    try (KnowledgeStore empty = KnowledgeStore.open(work.resolve("empty-" + i), iris)) {
                        // The reference data is reasoned over once per store, before any article:
                        // not part of what a batch costs.
                        Materializer.standard(iris).recomputeAll(empty);
                        Materializer me = Materializer.standard(iris);
                        empty.setWriteHook(me);
                        LoadReport re = empty.load(List.of(part), reader, pipeline, mapper, LoadListener.SILENT);
                        intoEmpty[i] = me.totals().nanos() / 1e6;
                        double intoEmptyCpu = me.totals().cpuNanos() / 1e6;
                        intoLargeCpus[i] = intoLargeCpu;
                        intoEmptyCpus[i] = intoEmptyCpu;
                        out.printf(Locale.ROOT, "batch %d (%d articles, %d delta triples): materialization into the store of %d articles"
                                        + " %.1f ms wall, %.1f ms CPU; into an empty store %.1f ms wall, %.1f ms CPU: ratio %.2f wall, %.2f CPU%n",
                                i + 1, rl.added(), ml.totals().deltaTriples(), r.added() + (long) i * batch, intoLarge[i], intoLargeCpu,
                                intoEmpty[i], intoEmptyCpu, intoLarge[i] / intoEmpty[i], intoLargeCpu / intoEmptyCpu);
                        if (re.added() != rl.added()) {
                            out.println("  (the two stores added different numbers of articles: some were already in the large store)");
                        }
                    }
                }
                Result result = new Result(r.added(), loadS, matS, intoLarge, intoEmpty, recomputeChangesNothing(large, iris));
                out.printf(Locale.ROOT, "median ratio, batch into %d articles / into none: %.2f wall, %.2f CPU"
                                + " (goal: near 1, the cost of the batch, not of the store)%n",
                        r.added(), result.medianRatio(), medianRatio(intoLargeCpus, intoEmptyCpus));
                out.println("inferences built batch by batch equal a recomputation from scratch: "
                        + (result.incrementalEqualsFull() ? "yes" : "NO"));
                return result;
            }
        } finally {
            deleteRecursively(work);
        }
    }

    /** Copies the first lines of the corpus into the large part and the batches, unchanged. */
    private static List<Path> split(Path corpus, Path work, int limit, int batch, int rounds) throws IOException {
        List<Path> parts = new ArrayList<>();
        parts.add(work.resolve("large.jsonl"));
        for (int i = 0; i < rounds; i++) {
            parts.add(work.resolve("batch-" + (i + 1) + ".jsonl"));
        }
        try (InputStream raw = Files.newInputStream(corpus);
                InputStream in = corpus.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (int p = 0; p < parts.size(); p++) {
                int want = p == 0 ? limit : batch;
                int got = 0;
                try (BufferedWriter w = Files.newBufferedWriter(parts.get(p), StandardCharsets.UTF_8)) {
                    String line;
                    while (got < want && (line = lines.readLine()) != null) {
                        if (!line.isBlank()) {
                            w.write(line);
                            w.newLine();
                            got++;
                        }
                    }
                }
                if (got < want) {
                    throw new IllegalArgumentException(corpus + " has too few lines for --limit " + limit + " and "
                            + rounds + " batches of " + batch);
                }
            }
        }
        return parts;
    }

    private static void printQuads(KnowledgeStore store, PrintStream out) {
        Iris iris = store.iris();
        long[] n = store.read(d -> {
            long all = KnowledgeStore.countQuads(d, Node.ANY);
            return new long[] {all, KnowledgeStore.countQuads(d, iris.inferencesGraph()), KnowledgeStore.countQuads(d, iris.provenanceGraph()), KnowledgeStore.countQuads(d, iris.alliancesGraph())};
        });
        long asserted = n[0] - n[1] - n[2] - n[3];
        out.printf(Locale.ROOT, "  quads: %d asserted; %d inferred (%.2f%%), %d provenance (%.2f%%), %d blocs%n",
                asserted, n[1], 100.0 * n[1] / asserted, n[2], 100.0 * n[2] / asserted, n[3]);
    }


    /** Recomputes everything and reports whether the derived graphs came out the same. */
    private static boolean recomputeChangesNothing(KnowledgeStore store, Iris iris) {
        Set<Quad> before = store.read(d -> derived(d, iris));
        Materializer.standard(iris).recomputeAll(store);
        Set<Quad> after = store.read(d -> derived(d, iris));
        return before.equals(after);
    }

    private static Set<Quad> derived(DatasetGraph dsg, Iris iris) {
        Set<Quad> out = new HashSet<>();
        for (Node g : new Node[] {iris.inferencesGraph(), iris.provenanceGraph(), iris.alliancesGraph()}) {
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
        }
        return out;
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] / b[i];
        }
        return median(r);
    }

    /** CPU time of the whole process so far, all threads: extraction runs on several. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
