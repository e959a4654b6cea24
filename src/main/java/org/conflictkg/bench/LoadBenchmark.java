package org.conflictkg.bench;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.ExtractionStage;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentSink;
import org.conflictkg.ingest.RdfFile;
import org.conflictkg.ingest.Rejection;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;
import org.conflictkg.reason.Materializer;
import org.conflictkg.serve.KnowledgeGraphServer;
import org.conflictkg.serve.ServerSettings;
import org.conflictkg.store.DocumentSource;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadListener;
import org.conflictkg.store.LoadReport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What a load costs end to end and what the loaded store answers, all figures from one run on one
 * machine, so that their ratios can be compared across runs on a noisy, shared machine:
 *
 * <ol>
 *   <li>kg's load of N articles into an empty store, with reasoning, on every core: wall time, text
 *       and articles per second, quads, peak heap, store size;
 *   <li>Jena's own bulk loader (the phased loader behind {@code tdb2.tdbloader}) loading the very
 *       N-Quads that kg produced into another empty store: its time, and the headline ratio raw
 *       loader time / kg load time (1 would mean everything kg adds on top of storage is free);
 *   <li>each extraction stage alone on one core, over a sample of the articles: MB/s and articles/s;
 *   <li>a batch of B further articles added to the large store and to an empty one: the ratio stays
 *       near 1 when a load costs what its batch costs, not what the store holds;
 *   <li>every competency query ({@code queries/*.rq}) over HTTP against the large store, served
 *       in-process by {@link KnowledgeGraphServer} on a free port, with 1 and with C concurrent
 *       clients: p50 and p95 latency per query, throughput of C clients / 1, failed requests.
 * </ol>
 *
 * <p>The batch is the first B articles of the input, the large store the next N, so that the batch
 * is new to it. Stores and the N-Quads file are written under the system's temporary folder and
 * deleted afterwards. Memory stays bounded by the load's own bound plus the batch and the sample.
 */
public final class LoadBenchmark {

    /** Articles of the load timed stage by stage on one core. */
    static final int STAGE_SAMPLE = 1000;

    private LoadBenchmark() {}

    /**
     * What to measure.
     *
     * @param limit articles in the large load
     * @param batch articles in the incremental batch
     * @param clients concurrent clients in the second query round
     * @param rounds times each client runs every query
     * @param page rows asked of a query that has no LIMIT (its first page, as a client pages); 0 asks for every row
     * @param queries the folder of {@code *.rq} files
     */
    public record Settings(int limit, int batch, int clients, int rounds, int page, Path queries) {
        public Settings {
            if (limit < 1 || batch < 1 || clients < 1 || rounds < 1 || page < 0) {
                throw new IllegalArgumentException("limit, batch, clients and rounds must be at least 1 and page at least 0: "
                        + limit + ", " + batch + ", " + clients + ", " + rounds + ", " + page);
            }
        }
    }

    /** One extraction stage on one core over the sample. */
    public record StageSpeed(String stage, double seconds, long bytes, long documents) {
        public double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }

        public double documentsPerSecond() {
            return documents / seconds;
        }
    }

    /** One query's latencies with a given number of concurrent clients. */
    public record QueryLatency(String query, int clients, int requests, int failed, double p50Millis, double p95Millis) {}

    /**
     * The figures of one run.
     *
     * @param documents articles in the large load
     * @param bytes their text in UTF-8 bytes
     * @param kgSeconds wall time of kg's load, opening the store included
     * @param kgQuads quads in kg's store after it
     * @param kgPeakHeap peak heap bytes during it
     * @param kgStoreBytes kg's store on disk
     * @param nquads quads in the N-Quads file exported from kg's store
     * @param rawSeconds wall time of Jena's phased loader over that file
     * @param rawQuads quads in the raw loader's store
     * @param rawPeakHeap peak heap bytes during the raw load
     * @param stages each extraction stage (and the mapping to RDF) on one core
     * @param batchDocuments articles in the incremental batch
     * @param batchIntoLargeSeconds its load into the large store
     * @param batchIntoEmptySeconds its load into an empty store
     * @param latencies per query and number of clients
     * @param requestsPerSecond per number of clients (1, then C): answered (not failed) requests per second over all queries
     */
    public record Result(long documents, long bytes, double kgSeconds, long kgQuads, long kgPeakHeap, long kgStoreBytes,
                         long nquads, double rawSeconds, long rawQuads, long rawPeakHeap, List<StageSpeed> stages,
                         long batchDocuments, double batchIntoLargeSeconds, double batchIntoEmptySeconds,
                         List<QueryLatency> latencies, Map<Integer, Double> requestsPerSecond) {

        public double rawOverKg() {
            return rawSeconds / kgSeconds;
        }

        public double mbPerSecondPerCore(int cores) {
            return bytes / 1e6 / kgSeconds / cores;
        }

        public double batchRatio() {
            return batchIntoLargeSeconds / batchIntoEmptySeconds;
        }

        public long failedRequests() {
            return latencies.stream().mapToLong(QueryLatency::failed).sum();
        }
    }

    /**
     * Runs every measurement over the documents {@code source} delivers.
     *
     * @throws IOException when the temporary stores or the input cannot be used
     */
    public static Result run(DocumentSource source, Settings settings, Gazetteer gazetteer, PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("kg-bench-load");
        try {
            return run(source, settings, gazetteer, work, out);
        } finally {
            deleteRecursively(work);
        }
    }

    private static Result run(DocumentSource source, Settings settings, Gazetteer gazetteer, Path work, PrintStream out)
            throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB%n", cores, Runtime.getRuntime().maxMemory() >> 20);
        Iris iris = Iris.defaults();
        Pipeline pipeline = Pipeline.standard(gazetteer);
        DocumentMapper mapper = new DocumentMapper(iris, gazetteer);
        Split split = new Split(source, settings.batch(), settings.limit());

        // 1. kg's own load.
        resetPeakHeap();
        long t0 = System.nanoTime();
        KnowledgeStore large = KnowledgeStore.open(work.resolve("kg"), iris);
        try {
            large.setWriteHook(Materializer.standard(iris));
            LoadReport r = large.load(split, pipeline, mapper, LoadListener.SILENT);
            double kgSeconds = (System.nanoTime() - t0) / 1e9;
            long kgPeak = peakHeap();
            long kgQuads = large.read(d -> KnowledgeStore.countQuads(d, Node.ANY));
            long kgBytes = sizeOnDisk(work.resolve("kg"));
            if (r.added() == 0) {
                throw new IllegalArgumentException("no article to load: the input has none beyond the " + settings.batch()
                        + " of the incremental batch");
            }
            out.printf(Locale.ROOT, "kg load: %d articles, %.1f MB of text in %.1f s: %.1f articles/s, %.2f MB/s = %.2f MB/s per core"
                            + " (target: at least 1); %d quads (%.0f per article, %.0f quads/s); peak heap %d MB; store %d MB%n",
                    r.added(), split.bytes / 1e6, kgSeconds, r.added() / kgSeconds, split.bytes / 1e6 / kgSeconds,
                    split.bytes / 1e6 / kgSeconds / cores, kgQuads, (double) r.quads() / r.added(), kgQuads / kgSeconds,
                    kgPeak >> 20, kgBytes >> 20);
            if (!r.rejected().isEmpty()) {
                out.printf("  (%d inputs rejected, first: %s)%n", r.rejected().size(), r.rejected().get(0));
            }

            // 2. Jena's bulk loader over the same quads.
            Path nq = work.resolve("kg.nq");
            long t1 = System.nanoTime();
            long nquads = export(large, nq);
            out.printf(Locale.ROOT, "exported %d quads to N-Quads (%d MB) in %.1f s%n", nquads, Files.size(nq) >> 20,
                    (System.nanoTime() - t1) / 1e9);
            resetPeakHeap();
            long[] raw = rawLoad(nq, work.resolve("raw"));
            double rawSeconds = raw[0] / 1e9;
            long rawPeak = peakHeap();
            long rawBytes = sizeOnDisk(work.resolve("raw"));
            Files.delete(nq);
            deleteRecursively(work.resolve("raw"));
            out.printf(Locale.ROOT, "Jena phased loader (tdb2.tdbloader) over those N-Quads: %d quads in %.1f s (%.0f quads/s);"
                    + " peak heap %d MB; store %d MB%n", raw[1], rawSeconds, raw[1] / rawSeconds, rawPeak >> 20, rawBytes >> 20);
            out.printf(Locale.ROOT, "raw loader time / kg load time: %.2f (target: at least 0.5)%s%n", rawSeconds / kgSeconds,
                    raw[1] == kgQuads ? "" : "  (the stores differ: " + raw[1] + " quads against " + kgQuads + ")");

            // 3. Each stage alone, on one core.
            List<StageSpeed> stages = stageSpeeds(split.sample, pipeline, mapper);
            out.printf(Locale.ROOT, "extraction stages on one core, %d articles, %.1f MB:%n", split.sample.size(),
                    bytesOf(split.sample) / 1e6);
            for (StageSpeed s : stages) {
                out.printf(Locale.ROOT, "  %-24s %8.2f MB/s %9.0f articles/s%n", s.stage(), s.mbPerSecond(), s.documentsPerSecond());
            }

            // 4. A batch into the large store and into an empty one.
            double intoLarge = Double.NaN;
            double intoEmpty = Double.NaN;
            if (split.batch.isEmpty()) {
                out.println("incremental batch: none (the input ran out)");
            } else {
                large.setWriteHook(Materializer.standard(iris));
                LoadReport rl = large.load(sink -> split.batch.forEach(sink::accept), pipeline, mapper, LoadListener.SILENT);
                intoLarge = rl.millis() / 1e3;
                try (KnowledgeStore empty = KnowledgeStore.open(work.resolve("empty"), iris)) {
                    // The reference data is reasoned over once per store, before any article: no part of a batch's cost.
                    Materializer.standard(iris).recomputeAll(empty);
                    empty.setWriteHook(Materializer.standard(iris));
                    LoadReport re = empty.load(sink -> split.batch.forEach(sink::accept), pipeline, mapper, LoadListener.SILENT);
                    intoEmpty = re.millis() / 1e3;
                }
                out.printf(Locale.ROOT, "incremental: %d articles into the store of %d: %.2f s; into an empty store: %.2f s;"
                        + " ratio %.2f (goal: near 1)%n", rl.added(), r.added(), intoLarge, intoEmpty, intoLarge / intoEmpty);
            }

            // 5. The competency queries over HTTP.
            Map<Integer, Double> throughput = new LinkedHashMap<>();
            List<QueryLatency> latencies = queryLatencies(large, settings, throughput, out);

            return new Result(r.added(), split.bytes, kgSeconds, kgQuads, kgPeak, kgBytes, nquads, rawSeconds, raw[1], rawPeak,
                    stages, split.batch.size(), intoLarge, intoEmpty, latencies, throughput);
        } finally {
            large.close();
        }
    }

    /**
     * The input split as the benchmark uses it: the first {@code batch} articles held back in memory
     * for the incremental load, the next {@code limit} delivered to kg's load, of which the first
     * {@link #STAGE_SAMPLE} are also kept for timing the stages; reading stops after that.
     */
    private static final class Split implements DocumentSource {
        private final DocumentSource source;
        private final int batchSize;
        private final int limit;
        final List<Document> batch = new ArrayList<>();
        final List<Document> sample = new ArrayList<>();
        long bytes;

        Split(DocumentSource source, int batchSize, int limit) {
            this.source = source;
            this.batchSize = batchSize;
            this.limit = limit;
        }

        @Override
        public void read(DocumentSink sink) throws IOException {
            long[] loaded = {0};
            try {
                source.read(new DocumentSink() {
                    @Override
                    public void accept(Document d) {
                        if (batch.size() < batchSize) {
                            batch.add(d);
                            return;
                        }
                        if (loaded[0] >= limit) {
                            throw new Enough();
                        }
                        loaded[0]++;
                        bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
                        if (sample.size() < STAGE_SAMPLE) {
                            sample.add(d);
                        }
                        sink.accept(d);
                    }

                    @Override
                    public void reject(Rejection rejection) {
                        sink.reject(rejection);
                    }

                    @Override
                    public void acceptRdf(RdfFile file) {
                        sink.reject(Rejection.ofFile(file.fileName(), "an RDF file, not an article: the load benchmark reads articles only"));
                    }
                });
            } catch (Enough e) {
                // The articles wanted are read; the rest of the input is not needed.
            }
        }
    }

    /** Stops a reader once the benchmark has the articles it wants. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private static List<StageSpeed> stageSpeeds(List<Document> sample, Pipeline pipeline, DocumentMapper mapper) {
        List<ExtractionStage> stages = pipeline.stages();
        long[] nanos = new long[stages.size() + 1];
        long[] quads = {0};
        for (Document d : sample) {
            AnalyzedDocument a = new AnalyzedDocument(d);
            for (int i = 0; i < stages.size(); i++) {
                long t0 = System.nanoTime();
                stages.get(i).process(a);
                nanos[i] += System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            mapper.map(a, new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    quads[0]++;
                }
            });
            nanos[stages.size()] += System.nanoTime() - t0;
        }
        long bytes = bytesOf(sample);
        List<StageSpeed> out = new ArrayList<>();
        long total = 0;
        for (int i = 0; i <= stages.size(); i++) {
            String name = i < stages.size() ? stages.get(i).getClass().getSimpleName() : "DocumentMapper (to RDF)";
            out.add(new StageSpeed(name, Math.max(nanos[i], 1) / 1e9, bytes, sample.size()));
            total += nanos[i];
        }
        out.add(new StageSpeed("all, one core", Math.max(total, 1) / 1e9, bytes, sample.size()));
        return out;
    }

    private static long export(KnowledgeStore store, Path file) throws IOException {
        AtomicLong n = new AtomicLong();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            store.read(d -> {
                var it = d.find();
                RDFDataMgr.writeQuads(os, new java.util.Iterator<Quad>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Quad next() {
                        n.incrementAndGet();
                        return it.next();
                    }
                });
                return null;
            });
        }
        return n.get();
    }

    /** Loads {@code nq} with Jena's phased loader into a new store at {@code dir}: nanoseconds and quads stored. */
    private static long[] rawLoad(Path nq, Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
        try {
            DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
            long t0 = System.nanoTime();
            loader.startBulk();
            try {
                loader.load(nq.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            long nanos = System.nanoTime() - t0;
            long quads = Txn.calculateRead(dsg, () -> KnowledgeStore.countQuads(dsg, Node.ANY));
            return new long[] {nanos, quads};
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /**
     * Runs every query of {@code settings.queries()} over HTTP against {@code store}, served on a
     * free port, with 1 and with {@code settings.clients()} concurrent clients ({@code settings.limit}
     * and {@code batch} are not used); fills {@code throughput} with requests per second per number
     * of clients. Also {@code kg bench queries --db DIR}: the latency of a store already loaded.
     */
    public static List<QueryLatency> queryLatencies(KnowledgeStore store, Settings settings, Map<Integer, Double> throughput,
                                                    PrintStream out) throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(settings.queries())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                Query q = QueryFactory.create(Files.readString(f));
                if (settings.page() > 0 && !q.hasLimit()) {
                    q.setLimit(settings.page());
                }
                queries.put(f.getFileName().toString().replaceFirst("\\.rq$", ""), q.serialize());
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no .rq file in " + settings.queries());
        }
        // The noise floor of this run: the same HTTP round trip with nothing to evaluate, asked in
        // the same rotation, so each query's time can be read against what the machine gave then.
        queries.put(ROUND_TRIP, "ASK {}");
        FusekiServer server = KnowledgeGraphServer.build(store,
                new ServerSettings(ServerSettings.DEFAULT_HOST, 0, ServerSettings.DEFAULT_TIMEOUT_SECONDS)).start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getHttpPort() + KnowledgeGraphServer.DATASET + "/sparql");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            out.printf(Locale.ROOT, "queries over HTTP (%s), %d rounds per client%s:%n", endpoint, settings.rounds(),
                    settings.page() > 0 ? ", " + settings.page() + " rows asked of a query without LIMIT" : "");
            for (String text : queries.values()) {
                request(http, endpoint, text); // warm-up: caches and JIT, not measured
            }
            List<QueryLatency> all = new ArrayList<>();
            for (int clients : new int[] {1, settings.clients()}) {
                if (throughput.containsKey(clients)) {
                    continue;
                }
                Map<String, List<Long>> nanos = new LinkedHashMap<>();
                Map<String, Integer> failed = new LinkedHashMap<>();
                queries.keySet().forEach(k -> {
                    nanos.put(k, Collections.synchronizedList(new ArrayList<>()));
                    failed.put(k, 0);
                });
                List<String> names = new ArrayList<>(queries.keySet());
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long t0 = System.nanoTime();
                List<Future<Map<String, Integer>>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int offset = c;
                    done.add(pool.submit(() -> {
                        Map<String, Integer> fails = new LinkedHashMap<>();
                        for (int r = 0; r < settings.rounds(); r++) {
                            for (int i = 0; i < names.size(); i++) {
                                // Clients start at different queries, so they do not all wait on the same one.
                                String name = names.get((i + offset) % names.size());
                                long s = System.nanoTime();
                                boolean ok = request(http, endpoint, queries.get(name));
                                nanos.get(name).add(System.nanoTime() - s);
                                if (!ok) {
                                    fails.merge(name, 1, Integer::sum);
                                }
                            }
                        }
                        return fails;
                    }));
                }
                for (Future<Map<String, Integer>> f : done) {
                    try {
                        f.get().forEach((k, v) -> failed.merge(k, v, Integer::sum));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while querying", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                pool.shutdown();
                // The round-trip probes are not counted: throughput is of the competency queries.
                long requests = (long) clients * settings.rounds() * (names.size() - 1);
                int failures = failed.entrySet().stream().filter(e -> !e.getKey().equals(ROUND_TRIP))
                        .mapToInt(Map.Entry::getValue).sum();
                // A request that timed out ends early: counted as failed, never as throughput.
                throughput.put(clients, (requests - failures) / seconds);
                out.printf(Locale.ROOT, "  %d client%s: %d requests in %.1f s, %d failed; %.2f answered requests/s%n", clients,
                        clients == 1 ? "" : "s", requests, seconds, failures, (requests - failures) / seconds);
                long[] floor = nanos.get(ROUND_TRIP).stream().mapToLong(Long::longValue).sorted().toArray();
                double floorP50 = percentile(floor, 50) / 1e6;
                out.printf(Locale.ROOT, "    %-24s p50 %8.1f ms  p95 %8.1f ms  (the noise floor: ASK {}, nothing to evaluate)%s%n",
                        ROUND_TRIP, floorP50, percentile(floor, 95) / 1e6,
                        failed.get(ROUND_TRIP) > 0 ? "  " + failed.get(ROUND_TRIP) + " failed" : "");
                for (String name : names) {
                    if (name.equals(ROUND_TRIP)) {
                        continue;
                    }
                    long[] xs = nanos.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
                    QueryLatency q = new QueryLatency(name, clients, xs.length, failed.get(name),
                            percentile(xs, 50) / 1e6, percentile(xs, 95) / 1e6);
                    all.add(q);
                    out.printf(Locale.ROOT, "    %-24s p50 %8.1f ms  p95 %8.1f ms  p50 %5.1f x the round trip%s%s%n", name, q.p50Millis(),
                            q.p95Millis(), q.p50Millis() / floorP50,
                            clients == 1 && q.p95Millis() > 100 ? "  (over the 100 ms target)" : "",
                            q.failed() > 0 ? "  " + q.failed() + " failed" : "");
                }
            }
            if (settings.clients() > 1) {
                out.printf(Locale.ROOT, "throughput of answered requests, %d clients / 1: %.2f (target: at least 1.5, no failed request)%n",
                        settings.clients(), throughput.get(settings.clients()) / throughput.get(1));
            }
            return all;
        } finally {
            server.stop();
        }
    }

    /** The name under which the round trip is timed: no query file can have it. */
    static final String ROUND_TRIP = "(round trip)";

    /** True when the server answered 200 and the whole body was read. */
    private static boolean request(HttpClient http, URI endpoint, String query) {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json, application/n-triples;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return resp.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long bytesOf(List<Document> docs) {
        return docs.stream().mapToLong(d -> d.text().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Peak heap since the last reset: the pools' peaks summed, a slight overestimate. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
