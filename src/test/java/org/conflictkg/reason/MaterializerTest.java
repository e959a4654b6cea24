package org.conflictkg.reason;

import org.apache.jena.atlas.iterator.Iter;
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
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.Vocab;
import org.conflictkg.store.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule family on a small Turtle fixture, with the project's ontology beside it as in a store:
 * the graph of inferences must be exactly the expected graph (schema triples aside).
 */
class MaterializerTest {

    private static final Iris IRIS = Iris.defaults();
    private static final String EX = "http://example.org/";
    private static final Node DOC = NodeFactory.createURI(IRIS.base() + "id/document/fixture");
    /** Parsed once, so that its blank nodes (the lists of disjoint classes) are the same in every store. */
    private static final Graph ONTOLOGY = GraphFactory.createDefaultGraph();

    static {
        RDFParser.fromString(ReferenceData.ontology(), Lang.TURTLE).parse(ONTOLOGY);
    }

    private static DatasetGraph storeWith(String fixture) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            addOntology(dsg);
            parseFileInto(dsg, DOC, "src/test/resources/reason/" + fixture);
        });
        return dsg;
    }

    private static void addOntology(DatasetGraph dsg) {
        ONTOLOGY.find().forEachRemaining(t -> dsg.add(new Quad(IRIS.ontologyGraph(), t)));
    }

    private static void parseFileInto(DatasetGraph dsg, Node g, String file) {
        Graph tmp = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(tmp);
        tmp.find().forEachRemaining(t -> dsg.add(new Quad(g, t)));
    }

    /** The instance-level inferences: what the rules say about the fixture, without the schema's closure. */
    private static Graph inferences(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        Node inf = IRIS.inferencesGraph();
        Txn.executeRead(dsg, () -> dsg.find(inf, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getPredicate().equals(RDFS.subClassOf.asNode()) && !q.getPredicate().equals(CKG.reasoningInputs)) {
                g.add(q.asTriple());
            }
        }));
        return g;
    }

    private static Materializer materialize(DatasetGraph dsg) {
        Materializer m = Materializer.standard(IRIS);
        Txn.executeWrite(dsg, () -> m.recomputeAll(dsg));
        return m;
    }

    private static String show(Graph g) {
        return g.find().toList().stream().map(Triple::toString).sorted().collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"symmetry", "support", "places", "speech", "alliances", "classes", "schema"})
    void eachRuleFamilyConcludesExactlyTheExpectedTriples(String family) {
        DatasetGraph dsg = storeWith("families/" + family + ".ttl");
        materialize(dsg);
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.source("src/test/resources/reason/families/" + family + ".expected.ttl").parse(expected);
        Graph actual = inferences(dsg);
        assertTrue(expected.isIsomorphicWith(actual), "expected:\n" + show(expected) + "\nactual:\n" + show(actual));
    }

    @ParameterizedTest
    @ValueSource(strings = {"symmetry", "support", "places", "speech", "alliances", "classes", "schema"})
    void addingHalfOfAFamilyAsANewGraphGivesWhatRecomputingEverythingGives(String family) {
        Graph all = GraphFactory.createDefaultGraph();
        RDFParser.source("src/test/resources/reason/families/" + family + ".ttl").parse(all);
        List<Triple> triples = all.find().toList();
        Node doc2 = NodeFactory.createURI(IRIS.base() + "id/document/second");
        DatasetGraph incremental = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(incremental, () -> {
            addOntology(incremental);
            for (int i = 0; i < triples.size(); i += 2) {
                incremental.add(new Quad(DOC, triples.get(i)));
            }
        });
        Materializer m = materialize(incremental);
        Txn.executeWrite(incremental, () -> {
            for (int i = 1; i < triples.size(); i += 2) {
                incremental.add(new Quad(doc2, triples.get(i)));
            }
            m.graphsAdded(incremental, List.of(doc2));
        });
        assertEquals(1, m.totals().updates());

        DatasetGraph whole = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(whole, () -> {
            addOntology(whole);
            for (int i = 0; i < triples.size(); i++) {
                whole.add(new Quad(i % 2 == 0 ? DOC : doc2, triples.get(i)));
            }
        });
        materialize(whole);
        assertSameQuads(quads(whole), quads(incremental));
    }

    @Test
    void eachConclusionNamesItsRuleAndThePremisesItUsed() {
        DatasetGraph dsg = storeWith("families/places.ttl");
        materialize(dsg);
        Node village = NodeFactory.createURI(EX + "village");
        Node country = NodeFactory.createURI(EX + "country");
        Node conclusion = IRIS.triple(Triple.create(village, CKG.locatedIn, country));
        Node prov = IRIS.provenanceGraph();
        Txn.executeRead(dsg, () -> {
            assertTrue(dsg.contains(prov, conclusion, RDF.subject.asNode(), village));
            assertTrue(dsg.contains(prov, conclusion, RDF.predicate.asNode(), CKG.locatedIn));
            assertTrue(dsg.contains(prov, conclusion, RDF.object.asNode(), country));
            List<Node> inferences = Iter.toList(Iter.map(dsg.find(prov, conclusion, Vocab.provWasGeneratedBy, Node.ANY), Quad::getObject));
            // Through the district and through the province: both ways are recorded.
            assertEquals(2, inferences.size());
            Set<Set<String>> premiseSets = new HashSet<>();
            for (Node i : inferences) {
                assertTrue(dsg.contains(prov, i, RDF.type.asNode(), CKG.Inference));
                assertTrue(dsg.contains(prov, i, CKG.rule, NodeFactory.createURI(RuleSet.NS + "locatedIn-transitive")));
                Set<String> premises = new HashSet<>();
                dsg.find(prov, i, Vocab.provUsed, Node.ANY).forEachRemaining(u -> {
                    Node s = dsg.find(prov, u.getObject(), RDF.subject.asNode(), Node.ANY).next().getObject();
                    Node p = dsg.find(prov, u.getObject(), RDF.predicate.asNode(), Node.ANY).next().getObject();
                    Node o = dsg.find(prov, u.getObject(), RDF.object.asNode(), Node.ANY).next().getObject();
                    premises.add(s.getLocalName() + (p.equals(CKG.locatedIn) ? ">" + o.getLocalName() : " " + o.getLiteralLexicalForm()));
                });
                premiseSets.add(premises);
            }
            assertEquals(Set.of(Set.of("village>district", "district>country", "district A.ADM2", "country A.PCLI"),
                    Set.of("village>province", "province>country", "province A.ADM1", "country A.PCLI")), premiseSets);
            // The rule itself is described, so a reader can see what it says.
            assertTrue(dsg.contains(prov, NodeFactory.createURI(RuleSet.NS + "locatedIn-transitive"), RDF.type.asNode(), CKG.Rule));
        });
    }

    @Test
    void aNewGraphExtendsTheClosureThroughThePlacesItMentions() {
        // The store knows a district in a province; a new document mentions a village whose
        // description (in the shared places graph) puts it in that district.
        DatasetGraph incremental = DatasetGraphFactory.createTxnMem();
        Node district = NodeFactory.createURI(EX + "district");
        Node province = NodeFactory.createURI(EX + "province");
        Node village = NodeFactory.createURI(EX + "village");
        Node doc2 = NodeFactory.createURI(IRIS.base() + "id/document/second");
        Node featureCode = CKG.term("featureCode");
        Txn.executeWrite(incremental, () -> {
            incremental.add(IRIS.placesGraph(), district, CKG.locatedIn, province);
            incremental.add(IRIS.placesGraph(), district, featureCode, NodeFactory.createLiteralString("A.ADM2"));
            incremental.add(IRIS.placesGraph(), province, featureCode, NodeFactory.createLiteralString("A.ADM1"));
        });
        Materializer m = materialize(incremental);
        Txn.executeWrite(incremental, () -> {
            incremental.add(doc2, NodeFactory.createURI(doc2.getURI() + "#char=0,7"), CKG.refersTo, village);
            incremental.add(IRIS.placesGraph(), village, CKG.locatedIn, district);
            m.graphsAdded(incremental, List.of(doc2));
        });
        assertEquals(1, m.totals().updates());
        assertEquals(1, m.totals().fullRuns(), "the first run was the only full one");
        assertTrue(inferences(incremental).contains(village, CKG.locatedIn, province));

        DatasetGraph whole = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(whole, () -> incremental.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getGraph().equals(IRIS.inferencesGraph()) && !q.getGraph().equals(IRIS.provenanceGraph())) {
                whole.add(q);
            }
        }));
        materialize(whole);
        assertSameQuads(quads(whole), quads(incremental));
    }

    @Test
    void aNewGraphThatOnlyRestatesWhatTheStoreKnowsDerivesNothing() {
        // As a repost restates its source, and every article names the same countries again.
        DatasetGraph dsg = storeWith("families/places.ttl");
        Txn.executeWrite(dsg, () -> {
            // The places of the fixture, as the mapper would have described them in the shared graph.
            dsg.find(DOC, Node.ANY, CKG.term("featureCode"), Node.ANY).forEachRemaining(q -> dsg.add(new Quad(IRIS.placesGraph(), q.asTriple())));
        });
        Materializer m = materialize(dsg);
        Set<Quad> before = quads(dsg);
        Node doc2 = NodeFactory.createURI(IRIS.base() + "id/document/repost");
        Txn.executeWrite(dsg, () -> {
            dsg.find(DOC, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> dsg.add(new Quad(doc2, q.asTriple())));
            dsg.add(doc2, NodeFactory.createURI(doc2.getURI() + "#char=0,7"), CKG.refersTo, NodeFactory.createURI(EX + "village"));
            m.graphsAdded(dsg, List.of(doc2));
        });
        long derivationsBefore = m.totals().derivations();
        assertEquals(1, m.totals().updates());
        Set<Quad> after = quads(dsg);
        after.removeIf(q -> q.getGraph().equals(doc2));
        assertSameQuads(before, after);
        // Only the full run derived anything: the update found the restated facts already known.
        Materializer fresh = Materializer.standard(IRIS);
        Txn.executeWrite(dsg, () -> fresh.graphsAdded(dsg, List.of(doc2)));
        assertEquals(0, fresh.totals().derivations(), "restated facts are not reasoned over again");
        assertTrue(derivationsBefore > 0);
    }

    @Test
    void aReplacedGraphWithdrawsWhatItsOldContentImplied() {
        DatasetGraph dsg = storeWith("families/symmetry.ttl");
        Materializer m = materialize(dsg);
        Node a = NodeFactory.createURI(EX + "a");
        Node b = NodeFactory.createURI(EX + "b");
        assertTrue(inferences(dsg).contains(b, CKG.alliedWith, a));
        Txn.executeWrite(dsg, () -> {
            dsg.delete(DOC, a, CKG.partnersWith, b);
            m.graphReplaced(dsg, DOC);
        });
        assertFalse(inferences(dsg).contains(b, CKG.alliedWith, a));
        assertEquals(2, m.totals().fullRuns());
    }

    @Test
    void aLoadWithoutReasoningMarksTheInferencesOutOfDateAndTheNextLoadRecomputesThem() {
        DatasetGraph dsg = storeWith("families/places.ttl");
        Materializer m = materialize(dsg);
        assertTrue(Txn.calculateRead(dsg, () -> m.isCurrent(dsg)));
        Node doc2 = NodeFactory.createURI(IRIS.base() + "id/document/second");
        Node hamlet = NodeFactory.createURI(EX + "hamlet");
        Txn.executeWrite(dsg, () -> {
            dsg.add(doc2, hamlet, CKG.locatedIn, NodeFactory.createURI(EX + "village"));
            Materializer.invalidating(IRIS).graphsAdded(dsg, List.of(doc2));
        });
        assertFalse(Txn.calculateRead(dsg, () -> m.isCurrent(dsg)));
        Node doc3 = NodeFactory.createURI(IRIS.base() + "id/document/third");
        Txn.executeWrite(dsg, () -> {
            dsg.add(doc3, NodeFactory.createURI(EX + "farm"), CKG.locatedIn, hamlet);
            m.graphsAdded(dsg, List.of(doc3));
        });
        assertEquals(2, m.totals().fullRuns(), "the stale store was recomputed, not extended");
        // The hamlet, loaded without reasoning, is now in the country too.
        assertTrue(inferences(dsg).contains(hamlet, CKG.locatedIn, NodeFactory.createURI(EX + "country")));
        assertTrue(Txn.calculateRead(dsg, () -> m.isCurrent(dsg)));
    }

    @Test
    void rulesDoNotReadTheAllianceBlocs() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node bloc = NodeFactory.createURI(IRIS.base() + "id/alliance/x");
        Node member = NodeFactory.createURI(EX + "x");
        Txn.executeWrite(dsg, () -> {
            // A bloc left in the store by an earlier load: recomputed, not reasoned over.
            dsg.add(IRIS.alliancesGraph(), bloc, CKG.member, member);
        });
        materialize(dsg);
        assertFalse(inferences(dsg).contains(member, CKG.memberOf, bloc));
    }

    /** Fails with the quads only one side has, rather than both sets whole. */
    private static void assertSameQuads(Set<Quad> expected, Set<Quad> actual) {
        Set<Quad> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<Quad> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing + "\nextra " + extra);
    }

    private static Set<Quad> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find())));
    }
}
