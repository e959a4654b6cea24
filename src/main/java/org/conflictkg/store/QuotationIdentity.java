package org.conflictkg.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.extract.similar.Fingerprint;
import org.conflictkg.extract.similar.NearDuplicateIndex;
import org.conflictkg.extract.similar.ReuseCriteria;
import org.conflictkg.extract.similar.ShingleSet;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.Vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes one resource of a quotation (or reported statement) that several documents attest in
 * slightly different words: other quote marks or spacing, a typo, a truncation.
 *
 * <p>The mapper names a quotation by the hash of its folded words, so identical words are already
 * one resource; this stage catches the near-duplicates. For each quotation of a new document it
 * looks for a near-duplicate among those already stored or met earlier in the same load
 * ({@link ReuseCriteria#QUOTATIONS}); when one is found, the document's quads are rewritten to use
 * the existing resource's IRI, and the document's {@code ckg:text} for it is dropped, so the
 * resource keeps the one wording first stored. The document's own wording stays on its
 * attestation ({@code ckg:exact}). Where {@code dct:date} tells which document came first, the
 * later attestation is linked to the earlier with {@code prov:wasQuotedFrom}: a new attestation to
 * the earliest strictly earlier one, or, when the new document is the earliest, every later
 * attestation to it. Which of these links exist can depend on load order; each link is true in
 * any order.
 *
 * <p>Needs: the store, inside the write transaction that will write the document. Adds: nothing to
 * the store itself; {@link #resolve} returns the quads to write, among them a {@code
 * ckg:quotationSignature} (MinHash signature and edge anchors) for each resource it stores first.
 * Holds, per load, an index of every quotation and statement in the store, built by {@link
 * RepostLinker} before the first document with quotations is resolved: from the signature log
 * beside the store ({@link #indexLogged}), or, when the log does not match the store, from their
 * stored signatures ({@link #seedFromStore}; re-fingerprinting every stored text instead made each
 * load cost in proportion to the store), or from {@code ckg:text} for a resource without a
 * signature of the current parameters (stored before signatures were kept); then kept up to date
 * as documents are resolved, each resource it takes in told to the log. Texts are read only to
 * verify a candidate. If the transaction fails the whole load stops, and this index goes with it.
 */
final class QuotationIdentity {

    /** A quotation or statement of a new document, fingerprinted on a worker thread. */
    record Occurrence(Node node, boolean direct, String text, Fingerprint fingerprint) {}

    private static final ReuseCriteria CRITERIA = ReuseCriteria.QUOTATIONS;

    private final DatasetGraph dsg;
    /** Told each resource the index takes in, with its stored signature ("" for a text without words). */
    private final SignatureLog.Sink indexedSink;
    private Kind quotations = new Kind(CKG.Quotation, SignatureLog.QUOTATION);
    private Kind statements = new Kind(CKG.ReportedStatement, SignatureLog.STATEMENT);
    private long merged;

    QuotationIdentity(DatasetGraph dsg, SignatureLog.Sink indexedSink) {
        this.dsg = dsg;
        this.indexedSink = indexedSink;
    }

    /** The tag of the parameters that stored signatures depend on. */
    static String parameters() {
        return CRITERIA.signatureTag();
    }

    /** Writes both indexes and their resources' IRIs, for {@link #readFrom}. */
    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        quotations.writeTo(out);
        statements.writeTo(out);
    }

    /** Replaces both indexes with what {@link #writeTo} wrote; on failure the caller clears them. */
    void readFrom(java.io.DataInputStream in) throws java.io.IOException {
        quotations = Kind.readFrom(this, in, CKG.Quotation, SignatureLog.QUOTATION);
        statements = Kind.readFrom(this, in, CKG.ReportedStatement, SignatureLog.STATEMENT);
    }

    /** Quotations and statements indexed. */
    long count() {
        return quotations.iris.size() + (long) statements.iris.size();
    }

    /** Quotations and statements indexed, as "Q S". */
    String sizes() {
        return quotations.iris.size() + " " + statements.iris.size();
    }

    /** Makes room for this many quotations and statements, before a known number is indexed. */
    void reserve(int quotationCount, int statementCount) {
        quotations.index.reserve(quotationCount);
        statements.index.reserve(statementCount);
    }

    /** Forgets everything indexed, before the indexes are built again. */
    void clear() {
        quotations = new Kind(CKG.Quotation, SignatureLog.QUOTATION);
        statements = new Kind(CKG.ReportedStatement, SignatureLog.STATEMENT);
    }

    /** Indexes every stored quotation and statement (see the class comment), telling the sink of each; stops early once {@code cancelled}. */
    void seedFromStore(java.util.function.BooleanSupplier cancelled) {
        quotations.seedFromStore(cancelled);
        statements.seedFromStore(cancelled);
    }

    /**
     * Indexes a resource as the signature log recorded it.
     *
     * @throws IllegalStateException when the entry cannot be read, so the caller rebuilds from the store
     */
    void indexLogged(byte kind, Node node, String signature) {
        Kind k = kind == SignatureLog.QUOTATION ? quotations : kind == SignatureLog.STATEMENT ? statements : null;
        if (k == null) {
            throw new IllegalStateException("unknown kind " + kind + " in the signature log");
        }
        if (signature.isEmpty()) {
            k.register(node);
            return;
        }
        ReuseCriteria.StoredSignature s = CRITERIA.decode(signature);
        if (s == null) {
            throw new IllegalStateException("unreadable quotation signature in the log");
        }
        k.index.add(k.register(node), s);
    }

    /** Quotations merged into an existing resource so far. */
    long merged() {
        return merged;
    }

    /**
     * The quotations and statements in a document's quads, each with the first text given for it.
     * Pure, so workers call it.
     */
    static List<Occurrence> prepare(Node graph, List<Quad> quads) {
        Map<Node, Boolean> direct = new LinkedHashMap<>();
        for (Quad q : quads) {
            if (q.getGraph().equals(graph) && q.getPredicate().equals(RDF.type.asNode())) {
                if (q.getObject().equals(CKG.Quotation)) {
                    direct.putIfAbsent(q.getSubject(), true);
                } else if (q.getObject().equals(CKG.ReportedStatement)) {
                    direct.putIfAbsent(q.getSubject(), false);
                }
            }
        }
        if (direct.isEmpty()) {
            return List.of();
        }
        Map<Node, String> texts = new HashMap<>();
        for (Quad q : quads) {
            if (q.getPredicate().equals(CKG.text) && direct.containsKey(q.getSubject()) && q.getObject().isLiteral()) {
                texts.putIfAbsent(q.getSubject(), q.getObject().getLiteralLexicalForm());
            }
        }
        List<Occurrence> out = new ArrayList<>();
        direct.forEach((node, d) -> {
            String text = texts.get(node);
            if (text != null) {
                out.add(new Occurrence(node, d, text, CRITERIA.fingerprint(Iris.foldWords(text))));
            }
        });
        return out;
    }

    /**
     * The quads of a new document with its near-duplicate quotations renamed to the existing
     * resources and its {@code prov:wasQuotedFrom} links added; indexes the quotations that are new.
     *
     * @param date the document's {@code dct:date}, or null
     */
    List<Quad> resolve(Node graph, Node date, List<Quad> quads, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return quads;
        }
        quotations.pending.clear();
        statements.pending.clear();
        Map<Node, Node> rename = new HashMap<>();
        Set<Node> own = new HashSet<>();
        Set<Node> keepText = new HashSet<>();
        Set<Node> attestedBefore = new LinkedHashSet<>();
        List<Occurrence> stored = new ArrayList<>();
        for (Occurrence o : occurrences) {
            Kind kind = o.direct() ? quotations : statements;
            own.add(o.node());
            Node target = o.node();
            if (kind.iris.indexOf(o.node()) < 0) {
                Node match = kind.bestMatch(o.fingerprint());
                if (match != null) {
                    target = match;
                    rename.put(o.node(), match);
                    merged++;
                } else {
                    kind.add(o.node(), o.fingerprint());
                    kind.pending.put(o.node(), o.text());
                    keepText.add(o.node());
                    stored.add(o);
                }
            }
            if (!kind.pending.containsKey(target)) {
                attestedBefore.add(target);
            }
        }
        List<Quad> out = new ArrayList<>(quads.size() + 4);
        Set<Node> textWritten = new HashSet<>();
        for (Quad q : quads) {
            if (q.getPredicate().equals(CKG.text) && own.contains(q.getSubject())
                    && (!keepText.contains(q.getSubject()) || !textWritten.add(q.getSubject()))) {
                continue; // one wording per resource, the first stored
            }
            out.add(rename.isEmpty() ? q : renamed(q, rename));
        }
        for (Occurrence o : stored) {
            String signature = o.fingerprint().isEmpty() ? "" : CRITERIA.encodeSignature(o.fingerprint());
            if (!signature.isEmpty()) {
                out.add(Quad.create(graph, o.node(), CKG.quotationSignature, NodeFactory.createLiteralString(signature)));
            }
            indexedSink.entry(o.direct() ? SignatureLog.QUOTATION : SignatureLog.STATEMENT, o.node().getURI(), signature);
        }
        for (Node target : attestedBefore) {
            linkQuotedFrom(graph, date, target, out);
        }
        return out;
    }

    private static Quad renamed(Quad q, Map<Node, Node> rename) {
        Node s = rename.getOrDefault(q.getSubject(), q.getSubject());
        Node o = rename.getOrDefault(q.getObject(), q.getObject());
        return s == q.getSubject() && o == q.getObject() ? q : Quad.create(q.getGraph(), s, q.getPredicate(), o);
    }

    /** Links this document's attestations of {@code target} with those already stored, by date. */
    private void linkQuotedFrom(Node graph, Node date, Node target, List<Quad> out) {
        if (date == null) {
            return;
        }
        List<Node> mine = new ArrayList<>();
        for (Quad q : out) {
            if (q.getSubject().equals(target) && q.getPredicate().equals(CKG.attestedBy) && q.getGraph().equals(graph)) {
                mine.add(q.getObject());
            }
        }
        List<Node> earlier = new ArrayList<>();
        List<Node> later = new ArrayList<>();
        Map<Node, Node> dateOf = new HashMap<>();
        for (Node a : objects(dsg, Node.ANY, target, CKG.attestedBy)) {
            Node doc = object(dsg, Node.ANY, a, CKG.document);
            Node d = doc == null ? null : object(dsg, doc, doc, DCTerms.date.asNode());
            Integer cmp = PublicationDate.compare(d, date);
            if (cmp != null) {
                dateOf.put(a, d);
                (cmp < 0 ? earlier : later).add(a);
            }
        }
        if (!earlier.isEmpty()) {
            // The earliest known attestation, ties broken by IRI so the choice does not depend on index order.
            Node first = earlier.stream().min(Comparator.<Node, Node>comparing(dateOf::get, (x, y) -> {
                Integer c = PublicationDate.compare(x, y);
                return c == null ? 0 : c;
            }).thenComparing(Node::getURI)).orElseThrow();
            for (Node a : mine) {
                out.add(Quad.create(graph, a, Vocab.provWasQuotedFrom, first));
            }
        } else {
            for (Node a : later) {
                for (Node m : mine) {
                    out.add(Quad.create(graph, a, Vocab.provWasQuotedFrom, m));
                }
            }
        }
    }

    /** The index of one class of resource (quotations, or statements: never merged with each other). */
    private final class Kind {
        final Node type;
        final byte logKind;
        final NearDuplicateIndex index;
        IriTable iris = new IriTable();
        /** Texts indexed from the document being resolved, not yet in the store. */
        final Map<Node, String> pending = new HashMap<>();

        Kind(Node type, byte logKind) {
            this(type, logKind, new NearDuplicateIndex(CRITERIA));
        }

        Kind(Node type, byte logKind, NearDuplicateIndex index) {
            this.type = type;
            this.logKind = logKind;
            this.index = index;
        }

        void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
            index.writeTo(out);
            iris.writeTo(out);
        }

        static Kind readFrom(QuotationIdentity owner, java.io.DataInputStream in, Node type, byte logKind) throws java.io.IOException {
            Kind k = owner.new Kind(type, logKind, NearDuplicateIndex.readFrom(in, CRITERIA));
            k.iris = IriTable.readFrom(in);
            return k;
        }

        void seedFromStore(java.util.function.BooleanSupplier cancelled) {
            Set<Node> seen = new HashSet<>();
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), type);
            try {
                while (it.hasNext() && !cancelled.getAsBoolean()) {
                    Node q = it.next().getSubject();
                    if (!seen.add(q)) {
                        continue;
                    }
                    Node signature = object(dsg, Node.ANY, q, CKG.quotationSignature);
                    ReuseCriteria.StoredSignature s = signature != null && signature.isLiteral()
                            ? CRITERIA.decode(signature.getLiteralLexicalForm()) : null;
                    if (s != null) {
                        add(q, s);
                        indexedSink.entry(logKind, q.getURI(), signature.getLiteralLexicalForm());
                        continue;
                    }
                    Node text = object(dsg, Node.ANY, q, CKG.text);
                    if (text != null && text.isLiteral()) {
                        Fingerprint f = CRITERIA.fingerprint(Iris.foldWords(text.getLiteralLexicalForm()));
                        add(q, f);
                        indexedSink.entry(logKind, q.getURI(), f.isEmpty() ? "" : CRITERIA.encodeSignature(f));
                    }
                }
            } finally {
                Iter.close(it);
            }
        }

        void add(Node node, Fingerprint f) {
            index.add(register(node), f);
        }

        void add(Node node, ReuseCriteria.StoredSignature s) {
            index.add(register(node), s);
        }

        /** Gives a resource its id; a resource without words is known by it, though never a candidate. */
        int register(Node node) {
            return iris.add(node);
        }

        /** The closest verified near-duplicate, or null. */
        Node bestMatch(Fingerprint f) {
            List<NearDuplicateIndex.Match> matches = index.matches(f, this::shinglesOf);
            if (matches.isEmpty()) {
                return null;
            }
            // Equally close candidates are told apart by IRI, not by the order the store listed them in.
            return matches.stream().min(Comparator
                            .comparingDouble((NearDuplicateIndex.Match m) -> -m.resemblance().jaccard())
                            .thenComparingDouble(m -> -m.resemblance().containment())
                            .thenComparing(m -> iris.get(m.id()).getURI()))
                    .map(m -> iris.get(m.id())).orElseThrow();
        }

        private ShingleSet shinglesOf(int id) {
            Node node = iris.get(id);
            String text = pending.get(node);
            if (text == null) {
                Node lit = object(dsg, Node.ANY, node, CKG.text);
                text = lit == null ? null : lit.getLiteralLexicalForm();
            }
            return text == null ? null : CRITERIA.shingles(Iris.foldWords(text));
        }
    }

    /** The first object of {@code (g, s, p, ?)}, or null. */
    static Node object(DatasetGraph dsg, Node g, Node s, Node p) {
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            Iter.close(it);
        }
    }

    /** Every subject of {@code (g, ?, p, o)}, each once. */
    static List<Node> subjects(DatasetGraph dsg, Node g, Node p, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        Iterator<Quad> it = dsg.find(g, Node.ANY, p, o);
        try {
            it.forEachRemaining(q -> out.add(q.getSubject()));
        } finally {
            Iter.close(it);
        }
        return new ArrayList<>(out);
    }

    /** Every object of {@code (g, s, p, ?)}, each once. */
    static List<Node> objects(DatasetGraph dsg, Node g, Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        try {
            it.forEachRemaining(q -> out.add(q.getObject()));
        } finally {
            Iter.close(it);
        }
        return new ArrayList<>(out);
    }
}
