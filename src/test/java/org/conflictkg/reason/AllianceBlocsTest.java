package org.conflictkg.reason;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blocs a load updates from its new graphs must be exactly those a recomputation over the
 * whole store writes: after every delta, the graph of blocs is compared with one recomputed in a
 * copy of the store.
 */
class AllianceBlocsTest {

    private static final Iris IRIS = Iris.defaults();
    private static final String ACTOR = IRIS.base() + "id/actor/";

    private final DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    private int documents;

    private static Node actor(String name) {
        return NodeFactory.createURI(ACTOR + name);
    }

    private static Node bloc(String hub) {
        return NodeFactory.createURI(IRIS.base() + "id/alliance/" + hub);
    }

    /** A new document graph holding the quads {@code fill} writes, and the update it triggers. */
    private AllianceBlocs.Outcome load(java.util.function.BiConsumer<DatasetGraph, Node> fill) {
        Node g = NodeFactory.createURI(IRIS.base() + "id/document/d" + (++documents));
        return Txn.calculateWrite(dsg, () -> {
            fill.accept(dsg, g);
            return AllianceBlocs.update(dsg, IRIS, List.of(g), List.of());
        });
    }

    /** A document stating that each pair supports: "a>b", "c>d"... */
    private AllianceBlocs.Outcome supports(String... pairs) {
        return load((d, g) -> {
            for (String p : pairs) {
                String[] ab = p.split(">");
                d.add(g, actor(ab[0]), CKG.supports, actor(ab[1]));
            }
        });
    }

    private Set<Quad> blocs(DatasetGraph d) {
        return Txn.calculateRead(d, () -> new HashSet<>(Iter.toList(d.find(IRIS.alliancesGraph(), Node.ANY, Node.ANY, Node.ANY))));
    }

    /** The graph of blocs a recomputation writes over a copy of the store. */
    private Set<Quad> recomputed() {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(dsg, () -> Txn.executeWrite(copy, () -> dsg.find().forEachRemaining(copy::add)));
        Txn.executeWrite(copy, () -> AllianceBlocs.recompute(copy, IRIS));
        return blocs(copy);
    }

    private void assertAsRecomputed() {
        Set<Quad> expected = recomputed();
        Set<Quad> actual = blocs(dsg);
        Set<Quad> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<Quad> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing + "\nextra " + extra);
    }

    private boolean has(Node s, Node p, Node o) {
        return Txn.calculateRead(dsg, () -> dsg.contains(IRIS.alliancesGraph(), s, p, o));
    }

    private boolean exists(Node bloc) {
        return Txn.calculateRead(dsg, () -> dsg.contains(IRIS.alliancesGraph(), bloc, Node.ANY, Node.ANY));
    }

    @Test
    void aFirstSupportMakesABlocNamedAfterItsHub() {
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("b>a"));
        assertAsRecomputed();
        // Equal degrees: the smaller IRI is the hub.
        assertTrue(has(bloc("a"), CKG.hub, actor("a")));
        assertTrue(has(actor("b"), CKG.memberOf, bloc("a")));
        assertTrue(has(actor("b"), CKG.supportDegree, NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
    }

    @Test
    void aDeltaJoiningTwoBlocsMergesThemUnderTheGreaterHub() {
        supports("a>b", "b>c");
        supports("x>y", "y>z", "w>y");
        assertAsRecomputed();
        assertTrue(exists(bloc("b")) && exists(bloc("y")));
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("c>x"));
        assertAsRecomputed();
        assertFalse(exists(bloc("b")), "the smaller bloc is merged away");
        assertTrue(has(actor("a"), CKG.memberOf, bloc("y")));
    }

    @Test
    void aHubOvertakenRenamesTheBloc() {
        supports("a>b", "a>c");
        assertTrue(exists(bloc("a")));
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("c>d", "e>c"));
        assertAsRecomputed();
        assertFalse(exists(bloc("a")));
        assertTrue(has(bloc("c"), CKG.hub, actor("c")));
        // Restating a support weighs it again: a catches up and wins the tie by its IRI.
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("a>b"));
        assertAsRecomputed();
        assertTrue(has(bloc("a"), CKG.hub, actor("a")));
    }

    @Test
    void supportWithAPersonDoesNotCount() {
        supports("a>b");
        assertEquals(AllianceBlocs.Outcome.UPDATED, load((d, g) -> {
            d.add(g, actor("p"), RDF.type.asNode(), CKG.Person);
            d.add(g, actor("p"), CKG.supports, actor("a"));
            d.add(g, actor("a"), CKG.partnersWith, actor("c"));
        }));
        assertAsRecomputed();
        assertFalse(has(actor("p"), CKG.memberOf, Node.ANY));
        // A person alone and a person's support touch no bloc.
        assertEquals(AllianceBlocs.Outcome.UNCHANGED, load((d, g) -> d.add(g, actor("p"), CKG.supports, actor("z"))));
        assertAsRecomputed();
    }

    @Test
    void aMemberMadeAPersonSplitsItsBlocByRecomputing() {
        supports("a>b", "b>c");
        assertEquals(AllianceBlocs.Outcome.RECOMPUTED, load((d, g) -> d.add(g, actor("b"), RDF.type.asNode(), CKG.Person)));
        assertAsRecomputed();
        assertFalse(exists(bloc("b")));
    }

    @Test
    void aDeltaTouchingNoBlocLeavesThemAlone() {
        supports("a>b");
        Set<Quad> before = blocs(dsg);
        assertEquals(AllianceBlocs.Outcome.UNCHANGED, load((d, g) -> d.add(g, actor("x"), CKG.opposes, actor("a"))));
        assertEquals(before, blocs(dsg));
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("x>y"));
        assertAsRecomputed();
        assertTrue(exists(bloc("a")) && exists(bloc("x")));
    }

    @Test
    void supportOfItselfCountsOnceTheActorJoinsABloc() {
        assertEquals(AllianceBlocs.Outcome.UNCHANGED, supports("c>c"));
        assertFalse(exists(bloc("c")), "an actor alone is no bloc");
        supports("a>b", "b>d");
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("c>a"));
        assertAsRecomputed();
        assertTrue(has(bloc("c"), CKG.hub, actor("c")), "c's support of itself counts twice");
    }

    @Test
    void aHubsNewLabelRenamesItsBloc() {
        supports("a>b");
        assertEquals(AllianceBlocs.Outcome.UPDATED, load((d, g) -> d.add(g, actor("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Zeta", "en"))));
        assertAsRecomputed();
        // The gazetteer's name in the shared places graph, written for a place some document
        // mentions, does not name a bloc: no update could tell it is new without looking up
        // every place of every document.
        assertEquals(AllianceBlocs.Outcome.UNCHANGED, load((d, g) -> {
            d.add(g, NodeFactory.createURI(g.getURI() + "#m"), CKG.refersTo, actor("a"));
            d.add(IRIS.placesGraph(), actor("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Alpha", "en"));
        }));
        assertAsRecomputed();
        assertTrue(has(bloc("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Bloc of Zeta", "en")));
        // The least of several labels names the bloc, whatever order they were given in.
        assertEquals(AllianceBlocs.Outcome.UPDATED, load((d, g) -> d.add(g, actor("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Eta", "en"))));
        assertAsRecomputed();
        assertTrue(has(bloc("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Bloc of Eta", "en")));
        assertEquals(AllianceBlocs.Outcome.UNCHANGED, load((d, g) -> d.add(g, actor("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Theta", "en"))));
        assertAsRecomputed();
    }

    @Test
    void blocsWrittenWithoutHubsAreRecomputedOnce() {
        Txn.executeWrite(dsg, () -> {
            dsg.add(IRIS.alliancesGraph(), bloc("a"), CKG.member, actor("a"));
            dsg.add(IRIS.alliancesGraph(), actor("a"), CKG.memberOf, bloc("a"));
        });
        assertEquals(AllianceBlocs.Outcome.RECOMPUTED, supports("a>b"));
        assertAsRecomputed();
        assertEquals(AllianceBlocs.Outcome.UPDATED, supports("b>c"));
        assertAsRecomputed();
    }

    @Test
    void hubsWhoseNamesMakeOneIriAreLeftToTheRecomputation() {
        Node other = NodeFactory.createURI(IRIS.base() + "id/group/a");
        supports("a>b");
        assertEquals(AllianceBlocs.Outcome.RECOMPUTED, load((d, g) -> {
            d.add(g, other, CKG.supports, actor("x"));
            d.add(g, other, CKG.supports, actor("y"));
        }));
        assertAsRecomputed();
        assertEquals(AllianceBlocs.Outcome.RECOMPUTED, supports("b>c"), "one IRI with two hubs");
        assertAsRecomputed();
    }

    @Test
    void theMaterializerGathersPersonsItConcludes() {
        Node politician = NodeFactory.createURI("http://example.org/Politician");
        Txn.executeWrite(dsg, () -> {
            dsg.add(IRIS.ontologyGraph(), CKG.Person, RDFS.subClassOf.asNode(), CKG.Actor);
            dsg.add(IRIS.ontologyGraph(), CKG.Organization, RDFS.subClassOf.asNode(), CKG.Actor);
        });
        Materializer m = Materializer.standard(IRIS);
        Txn.executeWrite(dsg, () -> m.recomputeAll(dsg));
        Node d1 = NodeFactory.createURI(IRIS.base() + "id/document/one");
        Txn.executeWrite(dsg, () -> {
            dsg.add(d1, actor("a"), CKG.supports, actor("b"));
            dsg.add(d1, actor("b"), CKG.supports, actor("c"));
            m.graphsAdded(dsg, List.of(d1));
        });
        assertEquals(1, m.totals().blocUpdates());
        assertAsRecomputed();
        // A class below Person makes b a person only by inference.
        Node d2 = NodeFactory.createURI(IRIS.base() + "id/document/two");
        Txn.executeWrite(dsg, () -> {
            dsg.add(d2, politician, RDFS.subClassOf.asNode(), CKG.Person);
            dsg.add(d2, actor("b"), RDF.type.asNode(), politician);
            m.graphsAdded(dsg, List.of(d2));
        });
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(IRIS.inferencesGraph(), actor("b"), RDF.type.asNode(), CKG.Person)));
        assertEquals(2, m.totals().blocRecomputes(), "one full run, then the recomputation the person called for");
        assertAsRecomputed();
        assertFalse(has(actor("b"), CKG.memberOf, Node.ANY));
    }

    /**
     * Random support among a few actors (some persons, some with several labels, some in the
     * places graph, one with a name another's IRI also makes), added in random batches of documents: after every batch the
     * updated blocs are the recomputed ones, and most batches are updates, not recomputations.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomBatchesGiveTheRecomputedBlocs(long seed) {
        Random random = new Random(seed);
        List<Node> actors = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            actors.add(actor("n" + i));
        }
        actors.add(NodeFactory.createURI(IRIS.base() + "id/group/n3"));
        Node reference = NodeFactory.createURI(IRIS.base() + "graph/reference");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 3; i++) {
                dsg.add(reference, actors.get(20 + i), RDF.type.asNode(), CKG.Person);
            }
            dsg.add(reference, actors.get(5), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Five", "en"));
        });
        int updates = 0;
        int recomputations = 0;
        for (int batch = 0; batch < 15; batch++) {
            int docs = 1 + random.nextInt(3);
            List<Node> graphs = new ArrayList<>();
            for (int k = 0; k < docs; k++) {
                graphs.add(NodeFactory.createURI(IRIS.base() + "id/document/s" + seed + "-" + batch + "-" + k));
            }
            AllianceBlocs.Outcome outcome = Txn.calculateWrite(dsg, () -> {
                for (Node g : graphs) {
                    int statements = random.nextInt(4);
                    for (int s = 0; s < statements; s++) {
                        Node a = actors.get(random.nextInt(actors.size()));
                        Node b = random.nextInt(12) == 0 ? a : actors.get(random.nextInt(actors.size()));
                        dsg.add(g, a, random.nextBoolean() ? CKG.supports : CKG.partnersWith, b);
                    }
                    if (random.nextInt(10) == 0) {
                        dsg.add(g, actors.get(random.nextInt(actors.size())), SKOS.prefLabel.asNode(),
                                NodeFactory.createLiteralLang("L" + random.nextInt(100), "en"));
                    }
                    if (random.nextInt(10) == 0) {
                        dsg.add(IRIS.placesGraph(), actors.get(random.nextInt(actors.size())), SKOS.prefLabel.asNode(),
                                NodeFactory.createLiteralLang("P" + random.nextInt(100), "en"));
                    }
                    if (random.nextInt(25) == 0) {
                        dsg.add(g, actors.get(random.nextInt(20)), RDF.type.asNode(), CKG.Person);
                    }
                    if (random.nextInt(10) == 0) {
                        dsg.add(g, actors.get(0), CKG.supports, NodeFactory.createLiteralString("a literal"));
                    }
                }
                return AllianceBlocs.update(dsg, IRIS, graphs, List.of());
            });
            if (outcome == AllianceBlocs.Outcome.UPDATED) {
                updates++;
            } else if (outcome == AllianceBlocs.Outcome.RECOMPUTED) {
                recomputations++;
            }
            assertAsRecomputed();
        }
        assertTrue(updates > recomputations, "updates " + updates + ", recomputations " + recomputations);
    }
}
