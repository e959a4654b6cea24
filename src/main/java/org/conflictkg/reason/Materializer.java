package org.conflictkg.reason;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.Vocab;
import org.conflictkg.reason.engine.DatasetFacts;
import org.conflictkg.reason.engine.Derivation;
import org.conflictkg.reason.engine.ForwardChainer;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.WriteHook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Materialized inference: keeps the store closed under the {@link RuleSet}, so that queries need
 * no reasoner.
 *
 * <p>What it adds: every conclusion of the rules over the rest of the store, in {@code
 * {base}graph/inferences} (a conclusion that some document also states is still written there,
 * so the graph depends only on the data, not on the order it was loaded in); how each was reached
 * in {@code {base}graph/provenance} (see {@code ckg:Inference}: per rule application, its type,
 * rule, the premises it used and the conclusions it generated, with each triple named once and
 * reified); the alliance blocs ({@link AllianceBlocs}) in {@code {base}graph/alliances}, also
 * updated from the delta alone; and on the graph of inferences a hash of what they were computed
 * from ({@code ckg:reasoningInputs}).
 * Rules read every graph but provenance and blocs.
 *
 * <p>What it needs: to run inside the write transaction that changed the store. As a {@link
 * WriteHook} it is told which graphs a load's transaction added; it reads back the triples of
 * those graphs that some rule can use, plus what the document mapper wrote for them in the
 * shared places graph (descriptions of the places they mention and of the places that contain
 * those), and extends the closure from that delta alone. It recomputes everything instead when
 * the store's inferences were computed from other inputs (another rule set or ontology, curated
 * actors since replaced, a load made without reasoning) or when a graph was replaced, since a
 * replacement can withdraw facts and the rules only ever add.
 *
 * <p>Failure path: an exception propagates to the caller's transaction, which aborts, leaving the
 * store as it was before the batch.
 *
 * <pre>{@code
 * store.setWriteHook(new Materializer(store.iris(), RuleSet.standard()));   // during loads
 * store.write(dsg -> materializer.recomputeAll(dsg));                      // kg infer
 * }</pre>
 */
public final class Materializer implements WriteHook {

    /** Changes when what this class writes changes, so that stores are recomputed. */
    private static final String FORMAT = "materializer-1";

    /**
     * What materialization has done so far in this instance.
     *
     * @param nanos time spent, inside the write transactions
     * @param updates incremental runs (one per batch that added graphs)
     * @param fullRuns runs over the whole store
     * @param deltaTriples triples read back as the delta of incremental runs
     * @param derivations rule applications found
     * @param newConclusions conclusions that were not facts before
     * @param blocRecomputes times the alliance blocs were recomputed from the whole store
     * @param blocUpdates times a batch updated the blocs it touched in place
     * @param deltaNanos of {@code nanos}, the time spent reading the delta back
     * @param blocNanos of {@code nanos}, the time spent recomputing and updating blocs
     * @param fullNanos of {@code nanos}, the time spent in runs over the whole store
     * @param cpuNanos CPU time the materializing thread used for all of it (on a busy machine,
     *     wall time also counts waiting for a core)
     */
    public record Totals(long nanos, long updates, long fullRuns, long deltaTriples, long derivations,
                         long newConclusions, long blocRecomputes, long blocUpdates, long deltaNanos, long blocNanos, long fullNanos,
                         long cpuNanos) {}

    private final Iris iris;
    private final RuleSet rules;
    private final ForwardChainer chainer;
    private final Set<Node> bodyPredicates;
    private long nanos;
    private long updates;
    private long fullRuns;
    private long deltaTriples;
    private long derivations;
    private long newConclusions;
    private long blocRecomputes;
    private long blocUpdates;
    private long deltaNanos;
    private long blocNanos;
    private long fullNanos;
    private long cpuNanos;

    public Materializer(Iris iris, RuleSet rules) {
        this.iris = iris;
        this.rules = rules;
        this.chainer = new ForwardChainer(rules);
        this.bodyPredicates = rules.bodyPredicates();
    }

    /** The project's rules. */
    public static Materializer standard(Iris iris) {
        return new Materializer(iris, RuleSet.standard());
    }

    /**
     * A hook for loads made without reasoning: it writes no inference, but marks the store's
     * inferences as out of date whenever graphs are added, so that the next load with reasoning
     * (or {@code kg infer}) recomputes them all.
     */
    public static WriteHook invalidating(Iris iris) {
        return new WriteHook() {
            @Override
            public void graphsAdded(DatasetGraph dsg, List<Node> graphs) {
                forget(dsg);
            }

            @Override
            public void graphReplaced(DatasetGraph dsg, Node graph) {
                forget(dsg);
            }

            private void forget(DatasetGraph dsg) {
                Node g = iris.inferencesGraph();
                dsg.deleteAny(g, g, CKG.reasoningInputs, Node.ANY);
            }
        };
    }

    public Totals totals() {
        return new Totals(nanos, updates, fullRuns, deltaTriples, derivations, newConclusions, blocRecomputes, blocUpdates, deltaNanos, blocNanos, fullNanos, cpuNanos);
    }

    /** Recomputes everything in a write transaction of its own ({@code kg infer}). */
    public Totals recomputeAll(KnowledgeStore store) {
        store.write(this::recomputeAll);
        return totals();
    }

    /** True when the store's inferences were computed from the current rules and reference data. */
    public boolean isCurrent(DatasetGraph dsg) {
        Node g = iris.inferencesGraph();
        return dsg.contains(g, g, CKG.reasoningInputs, NodeFactory.createLiteralString(inputsHash(dsg)));
    }

    @Override
    public void graphsAdded(DatasetGraph dsg, List<Node> graphs) {
        if (graphs.isEmpty()) {
            return;
        }
        if (!isCurrent(dsg)) {
            recomputeAll(dsg);
            return;
        }
        long t0 = System.nanoTime();
        long c0 = cpuTime();
        DatasetFacts facts = facts(dsg);
        Set<Triple> delta = delta(dsg, graphs, facts);
        long t1 = System.nanoTime();
        deltaNanos += t1 - t0;
        Set<Node> persons = new HashSet<>();
        ForwardChainer.Stats s = chainer.extend(facts, delta, writer(dsg, persons));
        long t2 = System.nanoTime();
        // Blocs weigh a support by the articles stating it, so even a restated one updates them.
        switch (AllianceBlocs.update(dsg, iris, graphs, persons)) {
            case UPDATED -> blocUpdates++;
            case RECOMPUTED -> blocRecomputes++;
            case UNCHANGED -> { }
        }
        blocNanos += System.nanoTime() - t2;
        updates++;
        deltaTriples += delta.size();
        derivations += s.derivations();
        newConclusions += s.newConclusions();
        nanos += System.nanoTime() - t0;
        cpuNanos += cpuTime() - c0;
    }

    @Override
    public void graphReplaced(DatasetGraph dsg, Node graph) {
        recomputeAll(dsg);
    }

    /**
     * Recomputes every inference, the provenance records and the blocs from the rest of the store,
     * inside the caller's write transaction.
     */
    public void recomputeAll(DatasetGraph dsg) {
        long t0 = System.nanoTime();
        long c0 = cpuTime();
        Node inferences = iris.inferencesGraph();
        dsg.removeGraph(inferences);
        dsg.removeGraph(iris.provenanceGraph());
        ForwardChainer.Stats s = chainer.closeAll(facts(dsg), writer(dsg, new HashSet<>()));
        Node prov = iris.provenanceGraph();
        for (var rule : rules.rules()) {
            Node r = RuleSet.iri(rule);
            dsg.add(prov, r, RDF.type.asNode(), CKG.Rule);
            dsg.add(prov, r, RDFS.label.asNode(), NodeFactory.createLiteralString(rule.getName()));
            dsg.add(prov, r, CKG.ruleText, NodeFactory.createLiteralString(rule.toString()));
        }
        long t1 = System.nanoTime();
        AllianceBlocs.recompute(dsg, iris);
        blocRecomputes++;
        blocNanos += System.nanoTime() - t1;
        dsg.add(inferences, inferences, CKG.reasoningInputs, NodeFactory.createLiteralString(inputsHash(dsg)));
        fullRuns++;
        derivations += s.derivations();
        newConclusions += s.newConclusions();
        long spent = System.nanoTime() - t0;
        nanos += spent;
        fullNanos += spent;
        cpuNanos += cpuTime() - c0;
    }

    private static long cpuTime() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private DatasetFacts facts(DatasetGraph dsg) {
        return new DatasetFacts(dsg, Set.of(iris.provenanceGraph(), iris.alliancesGraph()));
    }

    /**
     * The new graphs' triples that a rule can read, and the places-graph descriptions of what they
     * mention: the document mapper writes a mentioned place, the places that contain it and their
     * containment into that shared graph, so those triples may be new too. Of the types, only those
     * of classes a rule can start from are read (most are the types of text spans, which none can):
     * unless the new graphs say something about classes, which could make others count. A triple of
     * the new graphs that the store already held elsewhere is left out: its consequences are
     * already there, and re-deriving them would cost what the store knows about it (every
     * quotation of a spokesperson that each new article names again). The places graph cannot tell
     * which of its triples this batch wrote, so there a triple is left out when a rule has used it
     * before: it was a fact, and since every derivation is recorded, all it yields with facts as
     * old as itself is there already (without this, each article naming a country re-derived the
     * containment of all its towns).
     */
    private Set<Triple> delta(DatasetGraph dsg, List<Node> graphs, DatasetFacts facts) {
        Set<Triple> delta = new LinkedHashSet<>();
        Node type = RDF.type.asNode();
        for (Node g : graphs) {
            for (Node p : bodyPredicates) {
                if (!p.equals(type)) {
                    dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> delta.add(q.asTriple()));
                }
            }
        }
        boolean schemaChanged = delta.stream().anyMatch(t -> t.getPredicate().equals(RDFS.subClassOf.asNode()));
        Set<Node> classes = schemaChanged ? null : chainer.startingTypeClasses(facts);
        Deque<Node> places = new ArrayDeque<>();
        for (Node g : graphs) {
            if (bodyPredicates.contains(type)) {
                if (classes == null) {
                    dsg.find(g, Node.ANY, type, Node.ANY).forEachRemaining(q -> delta.add(q.asTriple()));
                } else {
                    for (Node c : classes) {
                        dsg.find(g, Node.ANY, type, c).forEachRemaining(q -> delta.add(q.asTriple()));
                    }
                }
            }
            dsg.find(g, Node.ANY, CKG.refersTo, Node.ANY).forEachRemaining(q -> places.add(q.getObject()));
            dsg.find(g, Node.ANY, CKG.locatedIn, Node.ANY).forEachRemaining(q -> {
                places.add(q.getSubject());
                places.add(q.getObject());
            });
        }
        Set<Node> fresh = new HashSet<>(graphs);
        delta.removeIf(t -> heldElsewhere(dsg, t, fresh));
        Node placesGraph = iris.placesGraph();
        Set<Node> seen = new HashSet<>();
        while (!places.isEmpty()) {
            Node n = places.poll();
            if (!n.isURI() || !seen.add(n)) {
                continue;
            }
            dsg.find(placesGraph, n, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (bodyPredicates.contains(q.getPredicate()) && !usedBefore(dsg, q.asTriple())) {
                    delta.add(q.asTriple());
                }
                if (q.getPredicate().equals(CKG.locatedIn)) {
                    places.add(q.getObject());
                }
            });
        }
        return delta;
    }

    /** True when the provenance records name the triple: some earlier run used or concluded it. */
    private boolean usedBefore(DatasetGraph dsg, Triple t) {
        return dsg.contains(iris.provenanceGraph(), iris.triple(t), RDF.subject.asNode(), t.getSubject());
    }

    /** True when a graph other than the new ones, the provenance records and the blocs holds the triple. */
    private boolean heldElsewhere(DatasetGraph dsg, Triple t, Set<Node> fresh) {
        var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        try {
            while (it.hasNext()) {
                Node g = it.next().getGraph();
                if (!fresh.contains(g) && !g.equals(iris.provenanceGraph()) && !g.equals(iris.alliancesGraph())) {
                    return true;
                }
            }
            return false;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /**
     * Writes each round's conclusions and the record of every derivation, and gathers in {@code
     * persons} what the conclusions make persons (a bloc leaves them out).
     */
    private ForwardChainer.Round writer(DatasetGraph dsg, Set<Node> persons) {
        Node inferences = iris.inferencesGraph();
        Node prov = iris.provenanceGraph();
        Set<Node> described = new HashSet<>();
        return (found, fresh) -> {
            for (Derivation d : found) {
                List<Node> premises = d.premises().stream().map(p -> tripleNode(dsg, prov, p, described)).toList();
                StringBuilder key = new StringBuilder(d.rule().getName());
                premises.forEach(p -> key.append('\n').append(p.getURI()));
                Node inference = iris.inference(key.toString());
                dsg.add(prov, inference, RDF.type.asNode(), CKG.Inference);
                dsg.add(prov, inference, CKG.rule, RuleSet.iri(d.rule()));
                for (Node p : premises) {
                    dsg.add(prov, inference, Vocab.provUsed, p);
                }
                for (Triple c : d.conclusions()) {
                    if (c.getObject().equals(CKG.Person) && c.getPredicate().equals(RDF.type.asNode())) {
                        persons.add(c.getSubject());
                    }
                    dsg.add(new Quad(inferences, c));
                    dsg.add(prov, tripleNode(dsg, prov, c, described), Vocab.provWasGeneratedBy, inference);
                }
            }
        };
    }

    private Node tripleNode(DatasetGraph dsg, Node prov, Triple t, Set<Node> described) {
        Node n = iris.triple(t);
        if (described.add(n)) {
            dsg.add(prov, n, RDF.subject.asNode(), t.getSubject());
            dsg.add(prov, n, RDF.predicate.asNode(), t.getPredicate());
            dsg.add(prov, n, RDF.object.asNode(), t.getObject());
        }
        return n;
    }

    /** What the inferences depend on besides the documents: rules, ontology, curated actors. */
    private String inputsHash(DatasetGraph dsg) {
        StringBuilder s = new StringBuilder(FORMAT).append('\n').append(rules.hash());
        for (Node g : new Node[] {iris.ontologyGraph(), iris.actorsGraph()}) {
            var it = dsg.find(g, g, CKG.contentHash, Node.ANY);
            s.append('\n').append(it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : "-");
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        return RuleSet.sha256(s.toString());
    }
}
