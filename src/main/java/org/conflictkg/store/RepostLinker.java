package org.conflictkg.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.extract.Span;
import org.conflictkg.extract.similar.BodyText;
import org.conflictkg.extract.similar.Fingerprint;
import org.conflictkg.extract.similar.NearDuplicateIndex;
import org.conflictkg.extract.similar.Resemblance;
import org.conflictkg.extract.similar.ReuseCriteria;
import org.conflictkg.extract.similar.ShingleSet;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.Vocab;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Recognises reuse across documents while a load writes them: the stage between mapping and the
 * store, run by the single writer on each new document's quads inside the write transaction that
 * writes them, so whatever it adds commits or rolls back with the document.
 *
 * <ul>
 *   <li>Quotations and statements: near-duplicates of stored ones become the same resource
 *       ({@link QuotationIdentity}).
 *   <li>Documents: a document that shares much of its body (its text outside {@code ckg:Boilerplate}
 *       spans, so that a shared page template is no repost) with a stored one (containment of the
 *       smaller in the larger at least 0.5, {@link ReuseCriteria#DOCUMENTS}) is recorded as derived
 *       from it: {@code ckg:derivedFrom}, {@code prov:wasDerivedFrom}, and a
 *       {@code prov:qualifiedDerivation} node typed {@code ckg:Derivation} with {@code prov:entity}
 *       the source, {@code ckg:overlap} (the containment) and {@code ckg:jaccard}. The later
 *       document by {@code dct:date} derives from the earlier; when the dates do not tell, the one
 *       with fewer shingles (the repost that trimmed) derives from the larger, and between equals
 *       the greater IRI from the lesser. All of it is written in the new document's graph, even when
 *       the older document turns out to be the derived one.
 * </ul>
 *
 * <p>Cost: one LSH lookup per document and per quotation, plus an exact check of each candidate;
 * no pass over the store per document. Each new document's MinHash signature is stored with it
 * ({@code ckg:minHashSignature}, about 700 characters), so a later load indexes the stored
 * documents from their signatures instead of re-reading and re-shingling every text; a document
 * without a signature of the current parameters is indexed from its {@code ckg:text}. The indexes
 * are built on the first new document of a load, so a load that adds nothing reads nothing.
 *
 * <p>Between loads the indexes are kept in a {@link SignatureLog} beside the store, appended at
 * each commit, so a load into a large store reads one file instead of every stored signature; the
 * store records which log commit it matches ({@code ckg:signatureLogToken}), and a log that does
 * not match is rebuilt by one pass over the store.
 *
 * <p>Failure path: the in-memory indexes live as long as one load. If a write transaction aborts,
 * the load stops with a {@link StoreException}, and the indexes, which may hold documents of the
 * aborted batch, are dropped with it; what the log got of that batch has no commit marker, so the
 * next load ignores it.
 */
final class RepostLinker {

    /** What a worker computes for one document before the write: no store needed. */
    record Prepared(Fingerprint document, List<QuotationIdentity.Occurrence> quotations) {}

    private static final ReuseCriteria CRITERIA = ReuseCriteria.DOCUMENTS;
    /** Beyond this many items a damaged token's counts are not trusted to size the tables. */
    private static final long MAX_RESERVED = 1L << 26;

    /**
     * Where a load's reuse indexes came from: nothing needed them; the snapshot of the last load's
     * tables; the signature log; a pass over
     * the store, which had items but no log matching it; a store with nothing to index (a new log).
     */
    enum IndexSource { NONE, SNAPSHOT, LOG, STORE, EMPTY }

    private final DatasetGraph dsg;
    private final Node storeGraph;
    private final SignatureLog log;
    private final IndexSnapshot snapshot;
    private final QuotationIdentity quotations;
    private NearDuplicateIndex documents = new NearDuplicateIndex(CRITERIA);
    private IriTable documentIds = new IriTable();
    private boolean seeded;
    private IndexSource source = IndexSource.NONE;
    private long indexed;
    private long indexNanos;
    private long saveNanos = -1;
    /** Receives each item the indexes take in; null when the log cannot be written (the store's token is then removed). */
    private SignatureLog.Appender appender;
    private String committing;
    /** The last log commit the store names, and the log's length just past it: what a snapshot is taken at. */
    private String committedToken;
    private long committedLength = -1;
    /** Whether the snapshot file already holds these indexes (read from it, or saved, with no commit since). */
    private boolean snapshotCurrent;
    /** The build started by {@link #seedInBackground}, until the writer has waited for it. */
    private java.util.concurrent.Future<Void> background;
    private volatile boolean cancelled;
    private long derivations;

    /**
     * @param storeGraph the graph holding {@code ckg:signatureLogToken}, the commit the log must end with
     * @param log the file the indexes are kept in between loads
     * @param snapshot the file the indexes' tables are saved in after a load, read first by the next
     */
    RepostLinker(DatasetGraph dsg, Node storeGraph, SignatureLog log, IndexSnapshot snapshot) {
        this.dsg = dsg;
        this.storeGraph = storeGraph;
        this.log = log;
        this.snapshot = snapshot;
        this.quotations = new QuotationIdentity(dsg, this::logEntry);
    }

    /** The tags of the reuse parameters a signature log must have been written with. */
    static String parameters() {
        return CRITERIA.signatureTag() + " " + QuotationIdentity.parameters();
    }

    /**
     * Fingerprints a document's body (its text outside boilerplate spans) and its quotations from
     * its quads. Pure, so workers call it.
     */
    static Prepared prepare(Node graph, List<Quad> quads) {
        String text = null;
        List<int[]> boilerplate = new ArrayList<>();
        for (Quad q : quads) {
            if (!q.getGraph().equals(graph)) {
                continue;
            }
            if (q.getSubject().equals(graph) && q.getPredicate().equals(CKG.text)) {
                text = q.getObject().getLiteralLexicalForm();
            } else if (q.getPredicate().equals(RDF.type.asNode()) && q.getObject().equals(CKG.Boilerplate)) {
                int[] span = Iris.spanOffsets(graph, q.getSubject());
                if (span != null) {
                    boilerplate.add(span);
                }
            }
        }
        Fingerprint doc = text == null ? null : CRITERIA.fingerprint(Iris.foldWords(body(text, boilerplate)));
        return new Prepared(doc, QuotationIdentity.prepare(graph, quads));
    }

    /** The text outside the boilerplate spans, given in code points as the store records them. */
    static String body(String text, java.util.Collection<int[]> codePointSpans) {
        List<Span> spans = new ArrayList<>();
        int length = text.codePointCount(0, text.length());
        for (int[] cp : codePointSpans) {
            if (cp[0] >= 0 && cp[0] <= cp[1] && cp[1] <= length) {
                spans.add(new Span(text.offsetByCodePoints(0, cp[0]), text.offsetByCodePoints(0, cp[1])));
            }
        }
        return BodyText.without(text, spans);
    }

    /** Derivations recorded so far in this load. */
    long derivations() {
        return derivations;
    }

    /** Quotations and statements merged into an existing resource so far in this load. */
    long mergedQuotations() {
        return quotations.merged();
    }

    /**
     * The quads to write for a new document: its own, rewritten for merged quotations, plus its
     * signature, its derivations and its quotation links. Call inside the write transaction, once
     * per new document, in the order they are written.
     */
    List<Quad> link(Node graph, List<Quad> quads, Prepared prepared) {
        if ((prepared.document() != null && !prepared.document().isEmpty()) || !prepared.quotations().isEmpty()) {
            seedOnce();
        }
        Node date = null;
        for (Quad q : quads) {
            if (q.getSubject().equals(graph) && q.getPredicate().equals(DCTerms.date.asNode())) {
                date = q.getObject();
                break;
            }
        }
        List<Quad> out = quotations.resolve(graph, date, quads, prepared.quotations());
        Fingerprint f = prepared.document();
        if (f == null || f.isEmpty()) {
            return out;
        }
        if (out == quads) {
            out = new ArrayList<>(quads);
        }
        for (NearDuplicateIndex.Match m : documents.matches(f, this::shinglesOf)) {
            Node other = documentIds.get(m.id());
            Node otherDate = QuotationIdentity.object(dsg, other, other, DCTerms.date.asNode());
            boolean iDerive = derives(graph, date, m.resemblance().sizeA(), other, otherDate, m.resemblance().sizeB());
            writeDerivation(graph, iDerive ? graph : other, iDerive ? other : graph, m.resemblance(), out);
        }
        String signature = CRITERIA.encodeSignature(f);
        out.add(Quad.create(graph, graph, CKG.minHashSignature, NodeFactory.createLiteralString(signature)));
        documents.add(documentIds.add(graph), f);
        logEntry(SignatureLog.DOCUMENT, graph.getURI(), signature);
        return out;
    }

    /** True when document {@code a} derives from {@code b} (see the class comment for the order). */
    static boolean derives(Node a, Node dateA, int sizeA, Node b, Node dateB, int sizeB) {
        Integer byDate = PublicationDate.compare(dateA, dateB);
        if (byDate != null) {
            return byDate > 0;
        }
        if (sizeA != sizeB) {
            return sizeA < sizeB;
        }
        return a.getURI().compareTo(b.getURI()) > 0;
    }

    private void writeDerivation(Node graph, Node derived, Node source, Resemblance r, List<Quad> out) {
        String sourceUri = source.getURI();
        Node qualified = NodeFactory.createURI(derived.getURI() + "#derivation-" + sourceUri.substring(sourceUri.lastIndexOf('/') + 1));
        out.add(Quad.create(graph, derived, CKG.derivedFrom, source));
        out.add(Quad.create(graph, derived, Vocab.provWasDerivedFrom, source));
        out.add(Quad.create(graph, derived, Vocab.provQualifiedDerivation, qualified));
        out.add(Quad.create(graph, qualified, RDF.type.asNode(), CKG.Derivation));
        out.add(Quad.create(graph, qualified, RDF.type.asNode(), Vocab.provDerivation));
        out.add(Quad.create(graph, qualified, Vocab.provEntityProperty, source));
        out.add(Quad.create(graph, qualified, CKG.overlap, decimal(r.containment())));
        out.add(Quad.create(graph, qualified, CKG.jaccard, decimal(r.jaccard())));
        derivations++;
    }

    private static Node decimal(double d) {
        return NodeFactory.createLiteralDT(BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_EVEN).toPlainString(), XSDDatatype.XSDdecimal);
    }

    /** The exact shingles of a document already written (this load or before), from its body. */
    private ShingleSet shinglesOf(int id) {
        String body = storedBody(documentIds.get(id));
        return body == null ? null : CRITERIA.shingles(Iris.foldWords(body));
    }

    /** A stored document's text outside its boilerplate spans, or null when it has no text. */
    private String storedBody(Node doc) {
        Node text = QuotationIdentity.object(dsg, doc, doc, CKG.text);
        if (text == null) {
            return null;
        }
        List<int[]> spans = new ArrayList<>();
        for (Node span : QuotationIdentity.subjects(dsg, doc, RDF.type.asNode(), CKG.Boilerplate)) {
            int[] offsets = Iris.spanOffsets(doc, span);
            if (offsets != null) {
                spans.add(offsets);
            }
        }
        return body(text.getLiteralLexicalForm(), spans);
    }

    /**
     * Builds the indexes on the first document that needs them: from the signature log when it ends
     * with the commit the store records, else by a pass over the store, which also writes a new log.
     */
    private void seedOnce() {
        if (background != null) {
            awaitBackground();
            return;
        }
        if (seeded) {
            return;
        }
        seeded = true;
        timedSeed();
    }

    /**
     * Starts building the indexes now, on a thread of its own in a read transaction, so that the
     * build overlaps whatever comes before the first document that needs them (building the
     * gazetteer, analysing the first batch). Nothing of the load has committed when the writer
     * first waits for it ({@link #seedOnce}, {@link #beforeCommit}), so the snapshot it reads is
     * the store the load starts from.
     */
    void seedInBackground() {
        if (seeded) {
            return;
        }
        seeded = true;
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            org.apache.jena.system.Txn.executeRead(dsg, this::timedSeed);
            return null;
        });
        Thread t = new Thread(task, "kg-reuse-index");
        t.setDaemon(true);
        background = task;
        t.start();
    }

    /** Waits for the background build; its fields are then visible to the writer (Future.get orders them). */
    private void awaitBackground() {
        java.util.concurrent.Future<Void> f = background;
        background = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Load interrupted while the reuse indexes were built", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw new StoreException("Building the reuse indexes failed: " + c, c);
        }
    }

    private void timedSeed() {
        long t0 = System.nanoTime();
        try {
            seed();
        } finally {
            indexNanos = System.nanoTime() - t0;
        }
    }

    private void seed() {
        String token = storedToken();
        long taken = snapshot.read(token, snapshotState());
        if (taken >= 0 && log.endsWithCommit(taken, token)) {
            indexed = documentIds.size() + quotations.count();
            snapshotCurrent = true;
            resumeAt(IndexSource.SNAPSHOT, token, taken);
            return;
        }
        forgetIndexes(); // no snapshot of this commit: whatever was half read goes, the log is replayed
        reserve(token);
        long valid = log.replay(token, (kind, iri, signature) -> {
            if (cancelled) {
                throw new java.util.concurrent.CancellationException("load ended");
            }
            indexLogged(kind, iri, signature);
        });
        if (cancelled) {
            return;
        }
        if (valid >= 0) {
            resumeAt(IndexSource.LOG, token, valid);
            return;
        }
        forgetIndexes(); // the log does not match the store: what it fed goes, both are rebuilt from the store
        source = IndexSource.STORE;
        try {
            appender = log.rewrite();
        } catch (IOException e) {
            appender = null;
        }
        seedDocumentsFromStore();
        quotations.seedFromStore(() -> cancelled);
        if (indexed == 0) {
            source = IndexSource.EMPTY;
        }
    }

    /** The indexes came whole from {@code from}, at the log commit {@code token} ending at {@code length}: append after it. */
    private void resumeAt(IndexSource from, String token, long length) {
        source = from;
        committedToken = token;
        committedLength = length;
        try {
            appender = log.appendAfter(length);
        } catch (IOException e) {
            appender = null; // the log cannot be kept this load; beforeCommit removes the store's token
        }
    }

    private void forgetIndexes() {
        documents = new NearDuplicateIndex(CRITERIA);
        documentIds = new IriTable();
        quotations.clear();
        indexed = 0;
    }

    /** One entry of the log into the indexes; throws when it cannot be read, so the log is rebuilt. */
    private void indexLogged(byte kind, String iri, String signature) {
        Node node = NodeFactory.createURI(iri);
        if (kind == SignatureLog.DOCUMENT) {
            int[] sig = CRITERIA.decodeSignature(signature);
            if (sig == null) {
                throw new IllegalStateException("unreadable document signature in the log");
            }
            documents.addSignature(documentIds.add(node), sig);
        } else {
            quotations.indexLogged(kind, node, signature);
        }
        indexed++;
    }

    /** Records an item the indexes took in, for the log; on a write failure the log is given up for this load. */
    private void logEntry(byte kind, String iri, String signature) {
        indexed++;
        if (appender == null) {
            return;
        }
        try {
            appender.entry(kind, iri, signature);
        } catch (IOException e) {
            dropLog();
        }
    }

    private void dropLog() {
        try {
            if (appender != null) {
                appender.close();
            }
        } catch (IOException ignored) {
            // Given up either way; the store's token is removed at the next commit.
        }
        appender = null;
    }

    /**
     * Sizes the indexes for the items the log holds, from the counts the token carries (documents,
     * quotations, statements), so that reading the log does not grow the tables step by step.
     */
    private void reserve(String token) {
        String[] parts = token == null ? new String[0] : token.split(" ");
        if (parts.length != 4) {
            return;
        }
        try {
            int d = Integer.parseInt(parts[1]);
            int q = Integer.parseInt(parts[2]);
            int st = Integer.parseInt(parts[3]);
            if (d >= 0 && q >= 0 && st >= 0 && d + (long) q + st <= MAX_RESERVED) {
                documents.reserve(d);
                quotations.reserve(q, st);
            }
        } catch (NumberFormatException e) {
            // Sizing is only a speed-up; a token without counts reads all the same.
        }
    }

    /** The token of the last commit the log must end with, as the store records it, or null. */
    private String storedToken() {
        Node t = QuotationIdentity.object(dsg, storeGraph, storeGraph, CKG.signatureLogToken);
        return t != null && t.isLiteral() ? t.getLiteralLexicalForm() : null;
    }

    /**
     * Call inside the write transaction just before it commits: records in the store the token of
     * the log commit that will follow, or, when the log could not be kept, removes the token so
     * that the next load rebuilds the log instead of trusting it.
     */
    void beforeCommit() {
        committing = null;
        if (background != null) {
            awaitBackground();
        }
        if (!seeded) {
            return;
        }
        if (appender == null || appender.hasUncommitted()) {
            dsg.deleteAny(storeGraph, storeGraph, CKG.signatureLogToken, Node.ANY);
        }
        if (appender != null && appender.hasUncommitted()) {
            // Unique per commit; the counts let the next load size its tables before reading the log.
            committing = java.util.UUID.randomUUID() + " " + documentIds.size() + " " + quotations.sizes();
            dsg.add(storeGraph, storeGraph, CKG.signatureLogToken, NodeFactory.createLiteralString(committing));
        }
    }

    /** Call once the transaction has committed: seals the log's entries under the token just stored. */
    void afterCommit() {
        if (committing == null || appender == null) {
            return;
        }
        try {
            appender.commit(committing);
            committedToken = committing;
            committedLength = appender.committedLength();
            snapshotCurrent = false;
        } catch (IOException e) {
            // The store now names a commit the log lacks: the next load sees it and rebuilds.
            dropLog();
        } finally {
            committing = null;
        }
    }

    /**
     * Call when the load has committed everything: saves the indexes' tables for the next load,
     * unless they are what the snapshot already holds or the log could not be kept.
     */
    void saveSnapshot() {
        if (background != null || appender == null || committedToken == null || committedLength < 0 || snapshotCurrent) {
            return;
        }
        long t0 = System.nanoTime();
        snapshot.write(committedToken, committedLength, snapshotState());
        saveNanos = System.nanoTime() - t0;
        snapshotCurrent = true;
    }

    /** The indexes as the snapshot holds them: documents (table, then IRIs), then quotations and statements. */
    private IndexSnapshot.State snapshotState() {
        return new IndexSnapshot.State() {
            @Override
            public void write(java.io.DataOutputStream out) throws IOException {
                documents.writeTo(out);
                documentIds.writeTo(out);
                quotations.writeTo(out);
            }

            @Override
            public void read(java.io.DataInputStream in) throws IOException {
                documents = NearDuplicateIndex.readFrom(in, CRITERIA);
                documentIds = IriTable.readFrom(in);
                quotations.readFrom(in);
            }
        };
    }

    /** Closes the log; an uncommitted tail (a failed load) is ignored by the next load and cut off. */
    void close() {
        if (background != null) {
            // A load that never needed the indexes: stop the build rather than wait it out.
            cancelled = true;
            try {
                awaitBackground();
            } catch (StoreException e) {
                // Nothing depends on an index this load did not use.
            }
        }
        dropLog();
    }

    /** Where this load's indexes came from. */
    IndexSource indexSource() {
        return source;
    }

    /** Items (documents, quotations, statements) the indexes hold. */
    long indexed() {
        return indexed;
    }

    /** Time spent saving the snapshot at the end of the load, or -1 when none was saved. */
    long saveNanos() {
        return saveNanos;
    }

    /** Time spent building the indexes from the log or the store, before the first document used them. */
    long indexNanos() {
        return indexNanos;
    }

    /** Indexes every stored document: by its stored signature, or from its text when it has none of these parameters. */
    private void seedDocumentsFromStore() {
        Map<Node, Node> signatures = new HashMap<>();
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, CKG.minHashSignature, Node.ANY);
        try {
            it.forEachRemaining(q -> signatures.put(q.getSubject(), q.getObject()));
        } finally {
            Iter.close(it);
        }
        List<Node> docs = new ArrayList<>();
        it = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), CKG.Document);
        try {
            it.forEachRemaining(q -> docs.add(q.getSubject()));
        } finally {
            Iter.close(it);
        }
        for (Node doc : docs) {
            if (cancelled) {
                return;
            }
            Node stored = signatures.get(doc);
            int[] sig = stored == null ? null : CRITERIA.decodeSignature(stored.getLiteralLexicalForm());
            if (sig != null) {
                documents.addSignature(documentIds.add(doc), sig);
                logEntry(SignatureLog.DOCUMENT, doc.getURI(), stored.getLiteralLexicalForm());
                continue;
            }
            String body = storedBody(doc);
            if (body != null) {
                Fingerprint f = CRITERIA.fingerprint(Iris.foldWords(body));
                if (!f.isEmpty()) {
                    documents.add(documentIds.add(doc), f);
                    logEntry(SignatureLog.DOCUMENT, doc.getURI(), CRITERIA.encodeSignature(f));
                }
            }
        }
    }
}
