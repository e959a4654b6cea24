package org.conflictkg.store;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.ingest.DocumentSink;
import org.conflictkg.ingest.RdfFile;
import org.conflictkg.ingest.Rejection;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The knowledge graph on disk: a TDB2 dataset with one named graph per document, plus graphs for
 * the ontology, the curated actors and the places mentioned. Queries see the union of all graphs
 * as their default graph.
 *
 * <p>Lifecycle and failure path of a load: documents are read and analysed in parallel, on every
 * core, then written in order, several hundred per write transaction, the next batch analysed while one is
 * written. A transaction commits whole or not at all, so
 * after a crash every document is either wholly in the store or wholly absent, and loading the
 * same input again completes it. A document whose text is already stored is skipped, which makes
 * loads idempotent. A bad input file is rejected with its reason and the load goes on, and so is
 * a document whose analysis throws (before any of it is written); only a failure of the
 * environment (disk, lock, memory) aborts the load, rolling back the open transaction.
 *
 * <p>Reuse across documents is recognised as each new document is written, in its transaction
 * ({@link RepostLinker}): near-duplicate quotations become one resource attested by both documents,
 * and a document that reposts much of another is recorded as derived from it. The cost per
 * document does not grow with the store beyond the candidates found.
 *
 * <p>An RDF file among the inputs is stored whole in a graph of its own, in its own transaction
 * (see {@code storeRdf}). A {@link WriteHook} set on the store runs inside every transaction that
 * adds or replaces graphs, before it commits, so what it derives commits with them.
 *
 * <pre>{@code
 * try (KnowledgeStore store = KnowledgeStore.open(Path.of("db"), Iris.defaults())) {
 *     LoadReport r = store.load(List.of(Path.of("data")), new DocumentReader(), pipeline, mapper, LoadListener.SILENT);
 * }
 * }</pre>
 */
public final class KnowledgeStore implements AutoCloseable {

    /** Documents analysed ahead and written together: the unit of the writer's hand-over. */
    public static final int BATCH_DOCUMENTS = 64;
    /** Quads after which the write transaction commits by default (a few hundred articles' worth). */
    public static final long TRANSACTION_QUADS = 500_000;
    private static final long DEFAULT_QUERY_TIMEOUT_MS = 30_000;

    private final DatasetGraph dsg;
    private final Iris iris;
    private final SignatureLog signatureLog;
    private final IndexSnapshot indexSnapshot;
    private WriteHook writeHook = WriteHook.NONE;
    private long commitQuads = TRANSACTION_QUADS;
    private RepostLinker.IndexSource lastIndexSource = RepostLinker.IndexSource.NONE;
    private long lastIndexed;
    private long lastIndexMillis;
    private long lastSaveMillis = -1;
    private RepostLinker prepared;

    private KnowledgeStore(DatasetGraph dsg, Iris iris, Path dir) {
        this.dsg = dsg;
        this.iris = iris;
        this.signatureLog = new SignatureLog(dir, RepostLinker.parameters());
        this.indexSnapshot = new IndexSnapshot(dir, RepostLinker.parameters());
    }

    /**
     * Opens (creating if needed) the TDB2 store in {@code dir}.
     *
     * @throws StoreException when the folder cannot be used as a store
     */
    public static KnowledgeStore open(Path dir, Iris iris) {
        try {
            Files.createDirectories(dir);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
            Context cxt = dsg.getContext();
            cxt.set(TDB2.symUnionDefaultGraph, true);
            cxt.set(ARQ.queryTimeout, Long.toString(DEFAULT_QUERY_TIMEOUT_MS));
            KnowledgeStore store = new KnowledgeStore(dsg, iris, dir);
            store.ensureReferenceGraphs();
            return store;
        } catch (IOException e) {
            throw new StoreException("Cannot create the store folder " + dir + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the TDB2 store in " + dir + ": " + e.getMessage()
                    + " (is another process using it, or is it not a TDB2 folder?)", e);
        }
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    public Iris iris() {
        return iris;
    }

    /**
     * How the last load built its reuse indexes: {@code "none"} (it needed none), {@code
     * "snapshot"} (the tables as the load before left them), {@code "log"}
     * (read from the signature log beside the store), {@code "store"} (a pass over the store,
     * which rewrote the log: the first load with this version, or after the log and the store
     * disagreed) or {@code "empty"} (nothing stored to index: a new log), how many documents, quotations and statements they held at its end, and how long
     * building them took, then how long saving their snapshot took when the load saved one, e.g.
     * {@code "log 512311 items in 4140 ms, snapshot saved in 900 ms"}.
     */
    public String lastReuseIndexing() {
        return String.format(java.util.Locale.ROOT, "%s %d items in %d ms%s", lastIndexSource.name().toLowerCase(java.util.Locale.ROOT),
                lastIndexed, lastIndexMillis, lastSaveMillis < 0 ? "" : ", snapshot saved in " + lastSaveMillis + " ms");
    }

    /**
     * Starts building the next load's reuse indexes now, in the background, so that the build
     * overlaps what the caller does before {@link #load} (building the gazetteer takes seconds; the
     * indexes of a large store take as long). The next load uses them; a load that needs none
     * stops the build. Optional: without it the first document that needs the indexes builds them.
     */
    public synchronized void prepareLoad() {
        if (prepared == null) {
            prepared = new RepostLinker(dsg, iris.storeGraph(), signatureLog, indexSnapshot);
            prepared.seedInBackground();
        }
    }

    private synchronized RepostLinker takeLinker() {
        RepostLinker l = prepared != null ? prepared : new RepostLinker(dsg, iris.storeGraph(), signatureLog, indexSnapshot);
        prepared = null;
        return l;
    }

    public <T> T read(Function<DatasetGraph, T> action) {
        return Txn.calculateRead(dsg, () -> action.apply(dsg));
    }

    public void write(Consumer<DatasetGraph> action) {
        Txn.executeWrite(dsg, () -> action.accept(dsg));
    }

    /**
     * Sets what runs inside each write transaction that adds or replaces graphs, before it commits
     * (materialized inference). Replaces any hook set before; {@link WriteHook#NONE} by default.
     */
    public void setWriteHook(WriteHook hook) {
        this.writeHook = java.util.Objects.requireNonNull(hook, "hook");
    }

    /**
     * Sets after how many quads a load's write transaction commits ({@link #TRANSACTION_QUADS} by
     * default). A commit always falls between batches of documents, so 1 commits after every batch:
     * less to redo after a crash, at the cost of a larger store and a slower load.
     *
     * @throws IllegalArgumentException when {@code quads} is not positive
     */
    public void setCommitQuads(long quads) {
        if (quads < 1) {
            throw new IllegalArgumentException("commitQuads=" + quads + ": must be at least 1");
        }
        this.commitQuads = quads;
    }

    /** The graphs of a batch that the store does not hold yet, each once: what its transaction adds. */
    private List<Node> freshGraphs(List<Analysed> batch) {
        return batch.stream().map(Analysed::graph).distinct().filter(g -> !dsg.containsGraph(g)).toList();
    }

    /**
     * Stores an RDF file in its own graph, {@link Iris#fileGraph}, in a transaction of its own: added
     * when new, replaced whole when its content changed (told to the hook as a replacement, since
     * triples may have gone), left alone when unchanged, so loading it again is idempotent. The
     * graph also records the file's hash and name. Returns whether the store changed.
     */
    private boolean storeRdf(RdfFile file) {
        Node graph = iris.fileGraph(file.fileName());
        Node hash = NodeFactory.createLiteralString(file.contentHash());
        if (read(d -> d.contains(graph, graph, CKG.contentHash, hash))) {
            return false;
        }
        write(d -> {
            boolean existed = d.containsGraph(graph);
            if (holdsReusable(d, graph) || file.triples().stream().anyMatch(KnowledgeStore::isReusable)) {
                // Documents or quotations the loads' linker never saw: the signature log no longer covers the store.
                d.deleteAny(iris.storeGraph(), iris.storeGraph(), CKG.signatureLogToken, Node.ANY);
            }
            d.removeGraph(graph);
            for (org.apache.jena.graph.Triple t : file.triples()) {
                d.add(new Quad(graph, t));
            }
            d.add(graph, graph, CKG.contentHash, hash);
            d.add(graph, graph, CKG.fileName, NodeFactory.createLiteralString(file.fileName()));
            if (existed) {
                writeHook.graphReplaced(d, graph);
            } else {
                writeHook.graphsAdded(d, List.of(graph));
            }
        });
        return true;
    }

    /** Whether {@code graph} holds a document, quotation or statement, which the reuse indexes would hold. */
    private static boolean holdsReusable(DatasetGraph d, Node graph) {
        for (Node type : List.of(CKG.Document, CKG.Quotation, CKG.ReportedStatement)) {
            var it = d.find(graph, Node.ANY, RDF.type.asNode(), type);
            try {
                if (it.hasNext()) {
                    return true;
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        }
        return false;
    }

    private static boolean isReusable(org.apache.jena.graph.Triple t) {
        return t.getPredicate().equals(RDF.type.asNode())
                && (t.getObject().equals(CKG.Document) || t.getObject().equals(CKG.Quotation) || t.getObject().equals(CKG.ReportedStatement));
    }

    /** The number of quads in {@code graph} ({@code Node.ANY}: in all graphs), inside a read of {@code dsg}. */
    public static long countQuads(DatasetGraph dsg, Node graph) {
        long n = 0;
        var it = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    /** True when the store holds no document. */
    public boolean hasNoDocuments() {
        return read(d -> !d.find(Node.ANY, Node.ANY, RDF.type.asNode(), CKG.Document).hasNext());
    }

    /**
     * Reads, analyses and stores every document under {@code paths}.
     *
     * @throws IOException when reading fails for a reason of the machine, not of the input
     */
    public LoadReport load(List<Path> paths, DocumentReader reader, Pipeline pipeline, DocumentMapper mapper,
                           LoadListener listener) throws IOException {
        return load(sink -> reader.read(paths, sink), pipeline, mapper, listener);
    }

    /**
     * Analyses and stores every document that {@code source} delivers, as {@link #load(List,
     * DocumentReader, Pipeline, DocumentMapper, LoadListener)} does for paths: documents held in
     * memory (a benchmark's batch) load the same way as files.
     *
     * @throws IOException when the source fails for a reason of the machine, not of the input
     */
    public LoadReport load(DocumentSource source, Pipeline pipeline, DocumentMapper mapper,
                           LoadListener listener) throws IOException {
        long t0 = System.nanoTime();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kg-extract");
            t.setDaemon(true);
            return t;
        });
        List<Rejection> rejected = new ArrayList<>();
        List<Rejection> warnings = new ArrayList<>();
        Consumer<Rejection> reject = rejection -> {
            rejected.add(rejection);
            listener.rejected(rejection);
        };
        BatchWriter writer = new BatchWriter(listener, reject);
        long[] read = {0};
        long[] rdfFiles = {0};
        try {
            source.read(new DocumentSink() {
                @Override
                public void accept(Document document) {
                    read[0]++;
                    writer.submit(document, pool.submit(() -> new Analysed(pipeline.analyze(document), mapper)));
                }

                @Override
                public void reject(Rejection rejection) {
                    reject.accept(rejection);
                }

                @Override
                public void warn(Rejection warning) {
                    warnings.add(warning);
                }

                @Override
                public void acceptRdf(RdfFile file) {
                    // The file has a transaction of its own: the documents before it commit first.
                    writer.flush();
                    if (storeRdf(file)) {
                        rdfFiles[0]++;
                    }
                }
            });
            writer.flush();
            writer.linker.saveSnapshot();
        } finally {
            writer.abandon();
            writer.linker.close();
            lastIndexSource = writer.linker.indexSource();
            lastIndexed = writer.linker.indexed();
            lastIndexMillis = writer.linker.indexNanos() / 1_000_000;
            lastSaveMillis = writer.linker.saveNanos() < 0 ? -1 : writer.linker.saveNanos() / 1_000_000;
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new LoadReport(read[0] - writer.failed, writer.added, writer.present, writer.quads, writer.chars, rejected, millis,
                rdfFiles[0], warnings);
    }

    /**
     * A document analysed, mapped to quads and fingerprinted for reuse on a worker thread, ready to
     * be linked and written.
     */
    private record Analysed(Node graph, List<Quad> quads, RepostLinker.Prepared reuse, long chars) {
        Analysed(AnalyzedDocument a, DocumentMapper mapper) {
            this(mapper.graphOf(a.document()), collect(a, mapper), a.document().length());
        }

        private Analysed(Node graph, List<Quad> quads, long chars) {
            this(graph, quads, RepostLinker.prepare(graph, quads), chars);
        }

        private static List<Quad> collect(AnalyzedDocument a, DocumentMapper mapper) {
            List<Quad> quads = new ArrayList<>(256);
            mapper.map(a, new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    quads.add(quad);
                }
            });
            return quads;
        }
    }

    /**
     * Writes analysed documents in reading order. Up to two batches of {@code BATCH_DOCUMENTS} are
     * in flight: while one is written, the workers analyse the next, so extraction and storage
     * overlap and memory stays bounded by {@code 2 x BATCH_DOCUMENTS} analysed documents whatever
     * the corpus size. Batches go into one write transaction until it holds about {@code
     * TRANSACTION_QUADS} quads: each TDB2 commit copies every index block the transaction touched,
     * and quads of new documents touch blocks all over the object- and predicate-first indexes, so
     * small transactions make the store (and the time spent copying) grow with the square of the
     * corpus.
     */
    private final class BatchWriter {
        private record Pending(Document document, Future<Analysed> analysis) {}

        private final Deque<Pending> pending = new ArrayDeque<>();
        private final LoadListener listener;
        private final Consumer<Rejection> reject;
        private final RepostLinker linker = takeLinker();
        /** The graphs of the open transaction, each with whether it is new, told once it commits. */
        private final List<java.util.Map.Entry<Node, Boolean>> settled = new ArrayList<>();
        private final List<Node> fresh = new ArrayList<>();
        /**
         * The places whose description this load has written. Every document that mentions a
         * place writes the same description of it to the shared places graph ({@link
         * DocumentMapper}); adding it again would change nothing but cost a fifth of a load's
         * quad writes, each a node table and B+tree lookup.
         */
        private final Set<Node> placesDescribed = new HashSet<>();
        private final Node placesGraph = iris.placesGraph();
        private boolean open;
        private long transactionQuads;
        long added;
        long present;
        long failed;
        long quads;
        long chars;

        BatchWriter(LoadListener listener, Consumer<Rejection> reject) {
            this.listener = listener;
            this.reject = reject;
        }

        void submit(Document document, Future<Analysed> f) {
            pending.add(new Pending(document, f));
            if (pending.size() >= 2 * BATCH_DOCUMENTS) {
                writeBatch();
            }
        }

        /** Writes every pending document and commits. */
        void flush() {
            while (!pending.isEmpty()) {
                writeBatch();
            }
            commit();
        }

        /** Rolls back the open transaction, if any: the load failed. */
        void abandon() {
            if (open) {
                open = false;
                fresh.clear();
                settled.clear();
                placesDescribed.clear(); // some of them were described in what is rolled back
                transactionQuads = 0;
                try {
                    dsg.abort();
                } finally {
                    dsg.end();
                }
            }
        }

        /** Writes the oldest {@code BATCH_DOCUMENTS} pending documents (or all, when fewer) into the open transaction. */
        private void writeBatch() {
            List<Analysed> batch = new ArrayList<>(BATCH_DOCUMENTS);
            while (!pending.isEmpty() && batch.size() < BATCH_DOCUMENTS) {
                Analysed a = await(pending.poll());
                if (a != null) {
                    batch.add(a);
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            if (!open) {
                dsg.begin(TxnType.WRITE);
                open = true;
            }
            try {
                fresh.addAll(freshGraphs(batch));
                for (Analysed a : batch) {
                    if (dsg.containsGraph(a.graph())) {
                        present++;
                        settled.add(java.util.Map.entry(a.graph(), false));
                        continue;
                    }
                    settled.add(java.util.Map.entry(a.graph(), true));
                    List<Quad> linked = linker.link(a.graph(), a.quads(), a.reuse());
                    Set<Node> placesOfDocument = new HashSet<>();
                    long written = 0;
                    for (Quad q : linked) {
                        if (q.getGraph().equals(placesGraph)) {
                            if (placesDescribed.contains(q.getSubject())) {
                                continue;
                            }
                            placesOfDocument.add(q.getSubject());
                        }
                        dsg.add(q);
                        written++;
                    }
                    placesDescribed.addAll(placesOfDocument);
                    added++;
                    quads += written;
                    transactionQuads += written;
                    chars += a.chars();
                }
            } catch (RuntimeException e) {
                abandon();
                throw new StoreException("Write to the store failed; the transaction was rolled back: " + e.getMessage(), e);
            }
            if (transactionQuads >= commitQuads) {
                commit();
            }
        }

        /** Runs the write hook over the graphs the open transaction added, then commits it. */
        private void commit() {
            if (!open) {
                return;
            }
            try {
                if (!fresh.isEmpty()) {
                    writeHook.graphsAdded(dsg, List.copyOf(fresh));
                }
                linker.beforeCommit();
                dsg.commit();
            } catch (RuntimeException e) {
                dsg.abort();
                throw new StoreException("Write to the store failed; the transaction was rolled back: " + e.getMessage(), e);
            } finally {
                open = false;
                fresh.clear();
                transactionQuads = 0;
                dsg.end();
            }
            linker.afterCommit();
            listener.committed(added + present, added, chars);
            for (var e : settled) {
                listener.stored(e.getKey(), e.getValue());
            }
            settled.clear();
        }

        /**
         * The analysed document, or null when its analysis failed: then it is rejected, by its
         * file (and line), and never reaches a transaction, so nothing of it is written.
         */
        private Analysed await(Pending p) {
            try {
                return p.analysis().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Load interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException || c instanceof StackOverflowError) {
                    // A fault of the extractors on this text (a bug to report), not of the store.
                    failed++;
                    reject.accept(Rejection.ofDocument(p.document().metadata(), "could not be analysed (" + c
                            + "); the other documents were loaded: please report this input"));
                    return null;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new StoreException("Extraction failed: " + c, c);
            }
        }
    }

    /**
     * Loads the ontology and the curated actors into their graphs when they are missing or have
     * changed since they were stored, so a new release's ontology takes effect on the next open.
     */
    private void ensureReferenceGraphs() {
        replaceIfChanged(iris.ontologyGraph(), ReferenceData.ontology(), Lang.TURTLE);
        replaceIfChanged(iris.actorsGraph(), ReferenceData.actors(), Lang.TURTLE);
    }

    private void replaceIfChanged(Node graph, String content, Lang lang) {
        if (content == null) {
            return;
        }
        Node hash = NodeFactory.createLiteralString(sha256(content));
        boolean current = read(d -> d.contains(graph, graph, CKG.contentHash, hash));
        if (current) {
            return;
        }
        write(d -> {
            d.removeGraph(graph);
            StreamRDF sink = new StreamRDFBase() {
                @Override
                public void triple(org.apache.jena.graph.Triple t) {
                    d.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
                }
            };
            RDFParser.fromString(content, lang).base(iris.base()).parse(sink);
            d.add(graph, graph, CKG.contentHash, hash);
        });
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rewrites the store without the index blocks that earlier transactions left behind (TDB2 copies
     * a block on write, so a store loaded in many transactions holds several times its data), then
     * deletes the old copy. It reads the whole store once; call it after a large load, outside any
     * transaction. If it fails, the store is left as it was.
     */
    public void compact() {
        try {
            DatabaseMgr.compact(dsg, true);
        } catch (RuntimeException e) {
            throw new StoreException("Compaction failed; the store is as it was: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        RepostLinker unused;
        synchronized (this) {
            unused = prepared;
            prepared = null;
        }
        if (unused != null) {
            unused.close(); // a build prepared for a load that never came: stopped before the store goes
        }
        // TDB2 datasets are shared per location; releasing lets another open in this JVM start clean.
        TDBInternal.expel(dsg);
    }
}
