package org.conflictkg.serve.linked;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.SpanOffsets;
import org.conflictkg.rdf.Vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RDF description of one resource, as served in Turtle, JSON-LD, N-Triples and RDF/XML: its
 * triples in both directions from the union graph (and, for a document, its whole graph); for each
 * qualified fact it takes part in (a relation, an attestation) the fact's own triples and its
 * evidence, the sentence span with W3C Web Annotation selectors whose {@code oa:exact} is the
 * sentence's text; and a label for every resource named.
 *
 * <p>Bounded whatever the store's size: at most {@value #MAX_OUT} outgoing triples, at most
 * {@value #PER_PREDICATE} incoming triples per predicate, found in a scan of at most
 * {@value #SCAN} incoming triples. A resource mentioned a hundred thousand times is described by a
 * sample of its mentions, not all of them; its HTML page pages through the rest.
 */
final class ResourceDescriber {

    static final int MAX_OUT = 10_000;
    static final int PER_PREDICATE = 200;
    static final int SCAN = 200_000;
    private static final int MAX_LABELLED = 5_000;

    private static final Node OA_HAS_SOURCE = NodeFactory.createURI(Vocab.OA + "hasSource");
    private static final Node OA_HAS_SELECTOR = NodeFactory.createURI(Vocab.OA + "hasSelector");
    private static final Node OA_POSITION = NodeFactory.createURI(Vocab.OA + "TextPositionSelector");
    private static final Node OA_QUOTE = NodeFactory.createURI(Vocab.OA + "TextQuoteSelector");
    private static final Node OA_START = NodeFactory.createURI(Vocab.OA + "start");
    private static final Node OA_END = NodeFactory.createURI(Vocab.OA + "end");
    private static final Node OA_EXACT = NodeFactory.createURI(Vocab.OA + "exact");
    private static final Node OA_PREFIX = NodeFactory.createURI(Vocab.OA + "prefix");
    private static final Node OA_SUFFIX = NodeFactory.createURI(Vocab.OA + "suffix");
    /** Characters of context on each side in a quote selector, as annotation tools use. */
    private static final int AFFIX = 32;

    private final StoreView view;
    private final Map<Node, SpanText> texts = new HashMap<>();

    ResourceDescriber(StoreView view) {
        this.view = view;
    }

    Graph describe(Node r) {
        Graph g = GraphFactory.createDefaultGraph();
        Graph union = view.union();
        if (view.dataset().containsGraph(r)) {
            // A document: its graph, each span with the offsets its IRI names stated, as exports have them.
            SpanOffsets.stated(view.dataset().find(r, Node.ANY, Node.ANY, Node.ANY)).forEachRemaining(q -> g.add(q.asTriple()));
        }
        int n = 0;
        var out = union.find(r, Node.ANY, Node.ANY);
        while (out.hasNext() && n++ < MAX_OUT) {
            g.add(out.next());
        }
        org.apache.jena.atlas.iterator.Iter.close(out);

        Set<Node> qualified = new LinkedHashSet<>();
        Map<Node, Integer> perPredicate = new HashMap<>();
        var in = union.find(Node.ANY, Node.ANY, r);
        int scanned = 0;
        while (in.hasNext() && scanned++ < SCAN) {
            Triple t = in.next();
            int k = perPredicate.merge(t.getPredicate(), 1, Integer::sum);
            if (k <= PER_PREDICATE) {
                g.add(t);
                Node p = t.getPredicate();
                if (p.equals(CKG.source) || p.equals(CKG.target) || p.equals(CKG.speaker) || p.equals(CKG.speakerOrganization)) {
                    qualified.add(t.getSubject());
                }
            }
        }
        org.apache.jena.atlas.iterator.Iter.close(in);
        for (Node a : view.objects(r, CKG.attestedBy, PER_PREDICATE)) {
            qualified.add(a);
        }
        for (Node fact : qualified) {
            addFact(g, fact);
        }
        addLabels(g);
        return g;
    }

    /** A relation, attestation or quotation: its own triples, and the evidence of each span it names. */
    private void addFact(Graph g, Node fact) {
        List<Node> spans = new ArrayList<>();
        var it = view.union().find(fact, Node.ANY, Node.ANY);
        int n = 0;
        while (it.hasNext() && n++ < 200) {
            Triple t = it.next();
            g.add(t);
            if (t.getPredicate().equals(CKG.sentence) || t.getPredicate().equals(CKG.attestedBy)) {
                spans.add(t.getObject());
            }
        }
        org.apache.jena.atlas.iterator.Iter.close(it);
        if (view.hasType(fact, CKG.Attestation)) {
            spans.add(fact);
        }
        for (Node span : spans) {
            addEvidence(g, span);
        }
    }

    /**
     * A span with its selectors: where it lies in its document and the words it covers. Anything
     * that is not a span of a stored document adds nothing.
     */
    void addEvidence(Graph g, Node span) {
        int[] offsets = Iris.spanOffsets(span);
        if (offsets == null) {
            return;
        }
        Node doc = StoreView.withoutFragment(span);
        SpanText text = text(doc);
        Node type = view.first(doc, span, RDF.type.asNode());
        if (text == null || type == null) {
            return;
        }
        int s = offsets[0];
        int e = offsets[1];
        g.add(Triple.create(span, RDF.type.asNode(), type));
        // The store keeps the offsets only in the IRI; the page states them for readers of RDF.
        g.add(Triple.create(span, CKG.start, SpanOffsets.integer(s)));
        g.add(Triple.create(span, CKG.end, SpanOffsets.integer(e)));
        g.add(Triple.create(span, OA_HAS_SOURCE, doc));
        Node position = NodeFactory.createBlankNode();
        g.add(Triple.create(span, OA_HAS_SELECTOR, position));
        g.add(Triple.create(position, RDF.type.asNode(), OA_POSITION));
        g.add(Triple.create(position, OA_START, NodeFactory.createLiteralDT(Integer.toString(s), XSDDatatype.XSDnonNegativeInteger)));
        g.add(Triple.create(position, OA_END, NodeFactory.createLiteralDT(Integer.toString(e), XSDDatatype.XSDnonNegativeInteger)));
        Node quote = NodeFactory.createBlankNode();
        g.add(Triple.create(span, OA_HAS_SELECTOR, quote));
        g.add(Triple.create(quote, RDF.type.asNode(), OA_QUOTE));
        g.add(Triple.create(quote, OA_EXACT, NodeFactory.createLiteralString(text.slice(s, e))));
        g.add(Triple.create(quote, OA_PREFIX, NodeFactory.createLiteralString(text.slice(s - AFFIX, s))));
        g.add(Triple.create(quote, OA_SUFFIX, NodeFactory.createLiteralString(text.slice(e, e + AFFIX))));
        Node title = view.first(doc, DCTerms.title.asNode());
        if (title != null) {
            g.add(Triple.create(doc, DCTerms.title.asNode(), title));
        }
    }

    SpanText text(Node doc) {
        return texts.computeIfAbsent(doc, d -> {
            Node t = view.first(d, d, CKG.text);
            return t == null || !t.isLiteral() ? null : new SpanText(t.getLiteralLexicalForm());
        });
    }

    /** A preferred label (or title) for every IRI the description names that has none in it. */
    private void addLabels(Graph g) {
        Set<Node> named = new LinkedHashSet<>();
        g.find().forEachRemaining(t -> {
            if (t.getSubject().isURI()) {
                named.add(t.getSubject());
            }
            if (t.getObject().isURI() && !t.getPredicate().equals(RDF.type.asNode())) {
                named.add(t.getObject());
            }
        });
        int n = 0;
        for (Node node : named) {
            if (n++ > MAX_LABELLED) {
                break;
            }
            if (g.find(node, SKOS.prefLabel.asNode(), Node.ANY).hasNext() || g.find(node, DCTerms.title.asNode(), Node.ANY).hasNext()) {
                continue;
            }
            Node label = view.first(node, SKOS.prefLabel.asNode());
            if (label != null) {
                g.add(Triple.create(node, SKOS.prefLabel.asNode(), label));
                continue;
            }
            Node title = view.first(node, DCTerms.title.asNode());
            if (title != null) {
                g.add(Triple.create(node, DCTerms.title.asNode(), title));
            }
        }
    }
}
