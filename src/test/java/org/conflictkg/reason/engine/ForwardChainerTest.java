package org.conflictkg.reason.engine;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.conflictkg.reason.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardChainerTest {

    private static final Node DATA = NodeFactory.createURI("urn:test:data");
    private static final Node INF = NodeFactory.createURI("urn:test:inferences");
    private static final RuleSet RULES = RuleSet.standard();

    private static Graph fixture() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source("src/test/resources/reason/chainer-fixture.ttl").parse(g);
        return g;
    }

    /** Writes each round's conclusions to the inferences graph and keeps every derivation. */
    private static ForwardChainer.Round writer(DatasetGraph dsg, List<Derivation> seen) {
        return (derivations, fresh) -> {
            seen.addAll(derivations);
            for (Derivation d : derivations) {
                d.conclusions().forEach(c -> dsg.add(INF, c.getSubject(), c.getPredicate(), c.getObject()));
            }
        };
    }

    private static Set<Triple> union(DatasetGraph dsg) {
        Set<Triple> out = new HashSet<>();
        dsg.find().forEachRemaining(q -> out.add(q.asTriple()));
        return out;
    }

    @Test
    void closesTheFixtureAsJenasForwardReasonerDoes() {
        Graph data = fixture();
        GenericRuleReasoner jena = new GenericRuleReasoner(RULES.rules());
        jena.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfGraph expected = jena.bind(data);
        Set<Triple> jenaClosure = new HashSet<>(expected.find().toList());

        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        data.find().forEachRemaining(t -> dsg.add(DATA, t.getSubject(), t.getPredicate(), t.getObject()));
        new ForwardChainer(RULES).closeAll(new DatasetFacts(dsg, Set.of()), writer(dsg, new ArrayList<>()));

        assertEquals(jenaClosure, union(dsg));
    }

    @Test
    void extendingAClosedStoreWithADeltaGivesTheSameClosureAsClosingEverything() {
        List<Triple> all = fixture().find().toList();
        // Every other triple first, the rest as the delta: chains then span the two halves.
        DatasetGraph incremental = DatasetGraphFactory.createTxnMem();
        List<Triple> delta = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Triple t = all.get(i);
            if (i % 2 == 0) {
                incremental.add(DATA, t.getSubject(), t.getPredicate(), t.getObject());
            } else {
                delta.add(t);
            }
        }
        ForwardChainer chainer = new ForwardChainer(RULES);
        List<Derivation> first = new ArrayList<>();
        chainer.closeAll(new DatasetFacts(incremental, Set.of()), writer(incremental, first));
        delta.forEach(t -> incremental.add(DATA, t.getSubject(), t.getPredicate(), t.getObject()));
        List<Derivation> second = new ArrayList<>();
        chainer.extend(new DatasetFacts(incremental, Set.of()), delta, writer(incremental, second));

        DatasetGraph whole = DatasetGraphFactory.createTxnMem();
        all.forEach(t -> whole.add(DATA, t.getSubject(), t.getPredicate(), t.getObject()));
        List<Derivation> once = new ArrayList<>();
        chainer.closeAll(new DatasetFacts(whole, Set.of()), writer(whole, once));

        assertEquals(union(whole), union(incremental));
        // Every way of reaching a conclusion is found either way, whatever the order facts came in.
        Set<Derivation> both = new HashSet<>(first);
        both.addAll(second);
        assertEquals(new HashSet<>(once), both);
    }

    @Test
    void aDerivationNamesItsRuleAndItsPremises() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        fixture().find().forEachRemaining(t -> dsg.add(DATA, t.getSubject(), t.getPredicate(), t.getObject()));
        List<Derivation> seen = new ArrayList<>();
        new ForwardChainer(RULES).closeAll(new DatasetFacts(dsg, Set.of()), writer(dsg, seen));
        Node village = NodeFactory.createURI("http://example.org/village");
        Node country = NodeFactory.createURI("http://example.org/country");
        Node in = NodeFactory.createURI("https://w3id.org/conflict-kg/ontology#locatedIn");
        List<Derivation> ways = seen.stream().filter(d -> d.conclusions().contains(Triple.create(village, in, country))).toList();
        // village-district-province-country: through district, or through province.
        assertEquals(2, ways.size(), ways.toString());
        for (Derivation d : ways) {
            assertEquals("locatedIn-transitive", d.rule().getName());
            // The two containments and the two feature codes that let them chain, in body order.
            assertEquals(4, d.premises().size());
            assertEquals(village, d.premises().get(0).getSubject());
            assertEquals(country, d.premises().get(1).getObject());
            assertEquals("A.PCLI", d.premises().get(3).getObject().getLiteralLexicalForm());
        }
    }

    @Test
    void excludedGraphsAreNotFacts() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node hidden = NodeFactory.createURI("urn:test:hidden");
        Node a = NodeFactory.createURI("http://example.org/a");
        Node b = NodeFactory.createURI("http://example.org/b");
        Node supports = NodeFactory.createURI("https://w3id.org/conflict-kg/ontology#supports");
        dsg.add(hidden, a, supports, b);
        List<Derivation> seen = new ArrayList<>();
        new ForwardChainer(RULES).closeAll(new DatasetFacts(dsg, Set.of(hidden)), writer(dsg, seen));
        assertTrue(seen.isEmpty(), seen.toString());
        assertFalse(new DatasetFacts(dsg, Set.of(hidden)).contains(Triple.create(a, supports, b)));
        assertTrue(new DatasetFacts(dsg, Set.of()).contains(Triple.create(a, supports, b)));
    }
}
