package org.conflictkg.reason;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.ReferenceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the axioms of the ontology that materialization promises to honour (symmetric,
 * transitive, inverse, chain, subproperty between ckg: properties, and the class hierarchy below
 * ckg:Actor) and checks, for each, that the rules draw its conclusion from the smallest data that
 * calls for it. A new axiom without its rule fails here.
 */
class RulesFollowTheOntologyTest {

    private static final Iris IRIS = Iris.defaults();
    private static final Graph ONTOLOGY = GraphFactory.createDefaultGraph();
    private static final Node A = NodeFactory.createURI("http://example.org/a");
    private static final Node B = NodeFactory.createURI("http://example.org/b");
    private static final Node C = NodeFactory.createURI("http://example.org/c");

    static {
        RDFParser.fromString(ReferenceData.ontology(), Lang.TURTLE).parse(ONTOLOGY);
    }

    /** The inferences drawn from the ontology and the given triples. */
    private static Set<Triple> infer(Triple... data) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node doc = NodeFactory.createURI(IRIS.base() + "id/document/axiom");
        Txn.executeWrite(dsg, () -> {
            ONTOLOGY.find().forEachRemaining(t -> dsg.add(new Quad(IRIS.ontologyGraph(), t)));
            for (Triple t : data) {
                dsg.add(new Quad(doc, t));
            }
            Materializer.standard(IRIS).recomputeAll(dsg);
        });
        Set<Triple> out = new LinkedHashSet<>();
        Txn.executeRead(dsg, () -> dsg.find(IRIS.inferencesGraph(), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(q.asTriple())));
        return out;
    }

    private static boolean ckg(Node n) {
        return n.isURI() && n.getURI().startsWith(CKG.NS);
    }

    private static List<Node> subjects(Node p, Node o) {
        List<Node> out = new ArrayList<>();
        ONTOLOGY.find(Node.ANY, p, o).forEachRemaining(t -> {
            if (ckg(t.getSubject())) {
                out.add(t.getSubject());
            }
        });
        return out;
    }

    private static DynamicTest expect(String name, Triple conclusion, Triple... data) {
        return DynamicTest.dynamicTest(name, () -> assertTrue(infer(data).contains(conclusion), name + ": no rule concludes " + conclusion));
    }

    @TestFactory
    Stream<DynamicTest> everyPropertyAxiomHasItsRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Node p : subjects(RDF.type.asNode(), OWL.SymmetricProperty.asNode())) {
            tests.add(expect(p.getLocalName() + " is symmetric", Triple.create(B, p, A), Triple.create(A, p, B)));
        }
        // Containment chains only up GeoNames' levels (see rules.rules): give the middle and the
        // top a province's and a country's feature codes, which any other property ignores.
        Node featureCode = CKG.term("featureCode");
        for (Node p : subjects(RDF.type.asNode(), OWL.TransitiveProperty.asNode())) {
            tests.add(expect(p.getLocalName() + " is transitive", Triple.create(A, p, C), Triple.create(A, p, B), Triple.create(B, p, C),
                    Triple.create(B, featureCode, NodeFactory.createLiteralString("A.ADM1")),
                    Triple.create(C, featureCode, NodeFactory.createLiteralString("A.PCLI"))));
        }
        ONTOLOGY.find(Node.ANY, OWL.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> {
            Node p = t.getSubject();
            Node q = t.getObject();
            tests.add(expect(p.getLocalName() + " has inverse " + q.getLocalName(), Triple.create(B, q, A), Triple.create(A, p, B)));
            tests.add(expect(q.getLocalName() + " has inverse " + p.getLocalName(), Triple.create(B, p, A), Triple.create(A, q, B)));
        });
        ONTOLOGY.find(Node.ANY, RDFS.subPropertyOf.asNode(), Node.ANY).forEachRemaining(t -> {
            if (ckg(t.getSubject()) && ckg(t.getObject())) {
                tests.add(expect(t.getSubject().getLocalName() + " is a kind of " + t.getObject().getLocalName(),
                        Triple.create(A, t.getObject(), B), Triple.create(A, t.getSubject(), B)));
            }
        });
        ONTOLOGY.find(Node.ANY, OWL2_PROPERTY_CHAIN, Node.ANY).forEachRemaining(t -> {
            List<Node> chain = list(t.getObject());
            assertTrue(chain.size() == 2, "chains of two are supported: " + chain);
            tests.add(expect(t.getSubject().getLocalName() + " is the chain " + chain, Triple.create(A, t.getSubject(), C),
                    Triple.create(A, chain.get(0), B), Triple.create(B, chain.get(1), C)));
        });
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyActorGetsEveryCkgClassAboveItsOwn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Node c : below(CKG.Actor)) {
            List<Triple> expected = new ArrayList<>();
            for (Node d : above(c)) {
                if (ckg(d) && !d.equals(c)) {
                    expected.add(Triple.create(A, RDF.type.asNode(), d));
                }
            }
            tests.add(DynamicTest.dynamicTest(c.getLocalName(), () -> {
                Set<Triple> inferred = infer(Triple.create(A, RDF.type.asNode(), c));
                for (Triple e : expected) {
                    assertTrue(inferred.contains(e), c.getLocalName() + ": no rule concludes " + e);
                }
            }));
        }
        assertTrue(tests.size() > 10, "the actor hierarchy is found");
        return tests.stream();
    }

    private static final Node OWL2_PROPERTY_CHAIN = NodeFactory.createURI(OWL.NS + "propertyChainAxiom");

    private static List<Node> list(Node head) {
        List<Node> out = new ArrayList<>();
        Node cur = head;
        while (!cur.equals(RDF.nil.asNode())) {
            out.add(first(ONTOLOGY.find(cur, RDF.first.asNode(), Node.ANY)));
            cur = first(ONTOLOGY.find(cur, RDF.rest.asNode(), Node.ANY));
        }
        return out;
    }

    private static Node first(ExtendedIterator<Triple> it) {
        try {
            return it.next().getObject();
        } finally {
            it.close();
        }
    }

    private static Set<Node> below(Node c) {
        Set<Node> out = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Node n = todo.remove(0);
            if (out.add(n)) {
                ONTOLOGY.find(Node.ANY, RDFS.subClassOf.asNode(), n).forEachRemaining(t -> todo.add(t.getSubject()));
            }
        }
        return out;
    }

    private static Set<Node> above(Node c) {
        Set<Node> out = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Node n = todo.remove(0);
            if (out.add(n)) {
                ONTOLOGY.find(n, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> todo.add(t.getObject()));
            }
        }
        return out;
    }
}
