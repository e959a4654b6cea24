package org.conflictkg.serve.linked;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.Vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one request sees of the store: the union graph, parameterized SPARQL within the server's time
 * limit (one limit for the whole request, not one per query), labels, and the mapping between IRIs under the base and the server's own paths. The
 * caller holds a read transaction for the whole request, so every part of a page sees one state.
 *
 * <p>Queries are parsed once from constant text; request values reach them only as bound nodes
 * ({@link QueryExecDatasetBuilder#substitution}) and as integer limits, never as query text.
 */
final class StoreView {

    private final DatasetGraph dsg;
    private final Graph union;
    private final Iris iris;
    /** When the request's time is up: every query of the page shares one time limit. */
    private final long deadlineNanos;
    private final Map<Node, String> labels = new HashMap<>();

    StoreView(DatasetGraph dsg, Iris iris, long timeoutMillis) {
        this.dsg = dsg;
        this.union = dsg.getUnionGraph();
        this.iris = iris;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * The time left to the page, for its next query.
     *
     * @throws QueryCancelledException when none is left, which the server answers with 503
     */
    long remainingMillis() {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new QueryCancelledException();
        }
        return left;
    }

    DatasetGraph dataset() {
        return dsg;
    }

    Graph union() {
        return union;
    }

    String base() {
        return iris.base();
    }

    /** True when the store says anything about {@code iri}, or has a graph of that name. */
    boolean exists(Node iri) {
        return union.find(iri, Node.ANY, Node.ANY).hasNext()
                || union.find(Node.ANY, Node.ANY, iri).hasNext()
                || dsg.containsGraph(iri);
    }

    /** Rows of a query with variables bound (name, node, name, node ...), a limit and an offset. */
    List<Binding> select(Query query, long limit, long offset, Object... bindings) {
        Query q = query;
        if (limit >= 0 || offset > 0) {
            q = query.cloneQuery();
            if (limit >= 0) {
                q.setLimit(limit);
            }
            if (offset > 0) {
                q.setOffset(offset);
            }
        }
        org.apache.jena.sparql.exec.QueryExecBuilder b = QueryExec.dataset(dsg).query(q).timeout(remainingMillis(), TimeUnit.MILLISECONDS);
        for (int i = 0; i + 1 < bindings.length; i += 2) {
            b.substitution((String) bindings[i], (Node) bindings[i + 1]);
        }
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = b.build()) {
            RowSet rs = exec.select();
            rs.forEachRemaining(rows::add);
        }
        return rows;
    }

    Node first(Node s, Node p) {
        var it = union.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /** The object of (s, p) in one graph. */
    Node first(Node graph, Node s, Node p) {
        var it = dsg.find(graph, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    List<Node> objects(Node s, Node p, int max) {
        List<Node> out = new ArrayList<>();
        var it = union.find(s, p, Node.ANY);
        try {
            while (it.hasNext() && out.size() < max) {
                out.add(it.next().getObject());
            }
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        return out;
    }

    List<Node> types(Node s) {
        return objects(s, RDF.type.asNode(), 50);
    }

    boolean hasType(Node s, Node type) {
        return union.contains(s, RDF.type.asNode(), type);
    }

    /** A name for a node: its preferred label, title or name (English first), else a short form. */
    String label(Node n) {
        if (n == null) {
            return "";
        }
        if (n.isLiteral()) {
            return n.getLiteralLexicalForm();
        }
        return labels.computeIfAbsent(n, this::findLabel);
    }

    private String findLabel(Node n) {
        for (Node p : new Node[] {SKOS.prefLabel.asNode(), DCTerms.title.asNode(), Vocab.schemaName, RDFS.label.asNode()}) {
            String any = null;
            var it = union.find(n, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Node o = it.next().getObject();
                    if (!o.isLiteral()) {
                        continue;
                    }
                    String lang = o.getLiteralLanguage();
                    if (lang.isEmpty() || lang.equalsIgnoreCase("en")) {
                        return o.getLiteralLexicalForm();
                    }
                    any = any == null ? o.getLiteralLexicalForm() : any;
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
            if (any != null) {
                return any;
            }
        }
        // Quotations, statements and spans have no name: their words stand for them.
        for (Node p : new Node[] {CKG.text, CKG.exact}) {
            Node words = first(n, p);
            if (words != null && words.isLiteral()) {
                String w = words.getLiteralLexicalForm().strip();
                return "“" + (w.length() > 90 ? w.substring(0, 90) + "…" : w) + "”";
            }
        }
        return shortName(n);
    }

    /** The last segment or fragment of an IRI, for nodes without a label. */
    static String shortName(Node n) {
        if (!n.isURI()) {
            return n.toString();
        }
        String s = n.getURI();
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        if (cut >= 0 && cut < s.length() - 1) {
            return s.substring(cut + 1);
        }
        return s;
    }

    /** The server path of an IRI under the base (with its fragment), or null for other IRIs. */
    String localPath(Node n) {
        if (n == null || !n.isURI() || !n.getURI().startsWith(iris.base())) {
            return null;
        }
        return "/" + n.getURI().substring(iris.base().length());
    }

    /** Where a link to the node goes: its local path under the base, or the IRI itself. */
    String href(Node n) {
        String local = localPath(n);
        if (local != null) {
            return local;
        }
        return n != null && n.isURI() ? n.getURI() : null;
    }

    /** The IRI a server path names under the base. */
    Node iriOf(String path) {
        return NodeFactory.createURI(iris.base() + path.substring(1));
    }

    /** The document an IRI under it belongs to: the IRI without its fragment. */
    static Node withoutFragment(Node n) {
        String s = n.getURI();
        int hash = s.indexOf('#');
        return hash < 0 ? n : NodeFactory.createURI(s.substring(0, hash));
    }
}
