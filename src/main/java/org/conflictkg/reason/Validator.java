package org.conflictkg.reason;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.ReferenceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a store: against the SHACL shapes of {@code ontology/shapes.ttl}, and against the
 * ontology's disjointness axioms ({@code owl:disjointWith}, {@code owl:AllDisjointClasses}), which
 * SHACL does not express: a resource that falls, through its types and their superclasses, into
 * two disjoint classes makes the ontology inconsistent.
 *
 * <p>What it needs: a read (or write) transaction on the dataset; it reads the union of all
 * graphs, so the ontology, analysts' files and materialized inferences all count. Class
 * membership follows {@code rdfs:subClassOf} in the data, so a store loaded without reasoning is
 * checked the same way. What it adds: nothing; it only reports.
 *
 * <p>Failure path: a shapes file that does not parse fails at {@link #standard()} with the
 * parser's message; nothing is validated against half a set of shapes.
 *
 * <pre>{@code
 * List<Violation> found = store.read(Validator.standard()::validate);
 * }</pre>
 */
public final class Validator {

    /** Where the shapes live in the jar (and in the source tree, as {@code ontology/shapes.ttl}). */
    public static final String SHAPES = "ontology/shapes.ttl";

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("ckg", CKG.NS)
            .setNsPrefix("shapes", "https://w3id.org/conflict-kg/shapes#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("wgs", "http://www.w3.org/2003/01/geo/wgs84_pos#")
            .setNsPrefix("sh", "http://www.w3.org/ns/shacl#")
            .lock();

    private static final String DISJOINT_PAIRS = """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT DISTINCT ?a ?b WHERE {
              { ?a owl:disjointWith ?b }
              UNION
              { ?all a owl:AllDisjointClasses ; owl:members ?list .
                ?list rdf:rest*/rdf:first ?a .
                ?list rdf:rest*/rdf:first ?b .
                FILTER(?a != ?b) }
              FILTER(isIRI(?a) && isIRI(?b))
            }""";

    private final Shapes shapes;
    /** Property shapes are blank nodes: a report names the node shape that holds them instead. */
    private final Map<Node, Node> nodeShapeOf = new HashMap<>();

    public Validator(Shapes shapes) {
        this.shapes = shapes;
        Node property = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
        shapes.getGraph().find(Node.ANY, property, Node.ANY).forEachRemaining(t -> nodeShapeOf.put(t.getObject(), t.getSubject()));
    }

    /** The project's shapes. */
    public static Validator standard() {
        String text = ReferenceData.resource(SHAPES);
        if (text == null) {
            throw new IllegalStateException(SHAPES + " is missing from the build");
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(g);
        return new Validator(Shapes.parse(g));
    }

    /** Every violation, those of shapes first, each resource's in a stable order. */
    public List<Violation> validate(DatasetGraph dsg) {
        List<Violation> out = new ArrayList<>(shaclViolations(dsg.getUnionGraph()));
        out.addAll(disjointnessViolations(dsg.getUnionGraph()));
        return out;
    }

    private List<Violation> shaclViolations(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            String path = e.resultPath() == null ? "" : PathWriter.asString(e.resultPath(), new Prologue(PREFIXES));
            String message = e.message();
            if (e.value() != null && !message.contains(FmtUtils.stringForNode(e.value(), PREFIXES))) {
                message += " (value " + FmtUtils.stringForNode(e.value(), PREFIXES) + ")";
            }
            Node shape = e.source() == null ? null : nodeShapeOf.getOrDefault(e.source(), e.source());
            String source = shape == null || shape.isBlank() ? "shapes" : FmtUtils.stringForNode(shape, PREFIXES);
            if (e.sourceConstraintComponent() != null) {
                source += " " + FmtUtils.stringForNode(e.sourceConstraintComponent(), PREFIXES).replace("ConstraintComponent", "");
            }
            out.add(new Violation(e.focusNode(), path, message, source));
        }
        out.sort(Comparator.comparing((Violation v) -> v.focus().toString()).thenComparing(Violation::path).thenComparing(Violation::message));
        return out;
    }

    /**
     * For each pair of disjoint classes, the resources in both. Each pair is checked from its
     * smaller side: the instances of the rarer class (and its subclasses) are listed, and each one's
     * types looked up, so a store of millions of text spans costs a scan, not a join over them.
     */
    private List<Violation> disjointnessViolations(Graph data) {
        List<Node[]> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (QueryExec exec = QueryExec.graph(data).query(QueryFactory.create(DISJOINT_PAIRS)).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(b -> {
                Node a = b.get("a");
                Node c = b.get("b");
                String key = a.getURI().compareTo(c.getURI()) < 0 ? a.getURI() + " " + c.getURI() : c.getURI() + " " + a.getURI();
                if (seen.add(key)) {
                    pairs.add(a.getURI().compareTo(c.getURI()) < 0 ? new Node[] {a, c} : new Node[] {c, a});
                }
            });
        }
        pairs.sort(Comparator.comparing((Node[] p) -> p[0].getURI()).thenComparing(p -> p[1].getURI()));
        Map<Node, Set<Node>> subclasses = new HashMap<>();
        Map<Node, Long> counts = new HashMap<>();
        List<Violation> out = new ArrayList<>();
        for (Node[] pair : pairs) {
            Set<Node> subsA = subclasses.computeIfAbsent(pair[0], c -> subclassesOf(data, c));
            Set<Node> subsB = subclasses.computeIfAbsent(pair[1], c -> subclassesOf(data, c));
            long countA = counts.computeIfAbsent(pair[0], c -> typeTriples(data, subsA));
            long countB = counts.computeIfAbsent(pair[1], c -> typeTriples(data, subsB));
            Set<Node> from = countA <= countB ? subsA : subsB;
            Set<Node> other = countA <= countB ? subsB : subsA;
            for (Node x : instances(data, from)) {
                Set<Node> types = new LinkedHashSet<>();
                data.find(x, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
                Node inA = mostSpecific(data, types, subsA);
                Node inB = mostSpecific(data, types, subsB);
                if (inA != null && inB != null) {
                    String message = "typed " + FmtUtils.stringForNode(inA, PREFIXES) + " and " + FmtUtils.stringForNode(inB, PREFIXES)
                            + ", but " + FmtUtils.stringForNode(pair[0], PREFIXES) + " and " + FmtUtils.stringForNode(pair[1], PREFIXES)
                            + " are disjoint";
                    out.add(new Violation(x, "rdf:type", message, "owl:disjointWith"));
                }
            }
        }
        return out;
    }

    /** A class and everything below it, as the data's rdfs:subClassOf says. */
    private static Set<Node> subclassesOf(Graph data, Node c) {
        Set<Node> out = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (out.add(n)) {
                data.find(Node.ANY, RDFS.subClassOf.asNode(), n)
                        .forEachRemaining(t -> todo.add(t.getSubject()));
            }
        }
        return out;
    }

    private static Set<Node> instances(Graph data, Set<Node> classes) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node c : classes) {
            data.find(Node.ANY, RDF.type.asNode(), c).forEachRemaining(t -> out.add(t.getSubject()));
        }
        return out;
    }

    /** How many type triples put something in one of the classes: an upper bound of their instances, without keeping them. */
    private static long typeTriples(Graph data, Set<Node> classes) {
        long n = 0;
        for (Node c : classes) {
            var it = data.find(Node.ANY, RDF.type.asNode(), c);
            try {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            } finally {
                it.close();
            }
        }
        return n;
    }

    /** Of the types in a class's extent, one that no other of them is a subclass of, to name in messages. */
    private static Node mostSpecific(Graph data, Set<Node> types, Set<Node> extent) {
        List<Node> in = types.stream().filter(extent::contains).sorted(Comparator.comparing(Node::getURI)).toList();
        for (Node t : in) {
            boolean hasSub = false;
            for (Node u : in) {
                if (!u.equals(t) && data.contains(u, RDFS.subClassOf.asNode(), t)) {
                    hasSub = true;
                    break;
                }
            }
            if (!hasSub) {
                return t;
            }
        }
        return in.isEmpty() ? null : in.get(0);
    }
}
