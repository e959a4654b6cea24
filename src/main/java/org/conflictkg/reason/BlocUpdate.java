package org.conflictkg.reason;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One update of the alliance blocs from what a write transaction added (see {@link
 * AllianceBlocs#update}). It relies on the blocs graph being what a recomputation over the store
 * before the transaction wrote, and on support only being added: then every degree only grows, so
 * a merged bloc's hub is the greatest of the old hubs and the actors the new support touches, and
 * members the new support does not touch keep their degree and their bloc unless their bloc is
 * renamed. What it reads: the new graphs' support, the blocs of its parties (hub and the parties'
 * degrees), and the members of a bloc only when that bloc is merged into another or renamed,
 * which is the cost a recomputation would also pay to rewrite them.
 *
 * <p>What it cannot do in place, it hands to {@link AllianceBlocs#recompute(DatasetGraph, Iris)}:
 * a graph of blocs without hubs (written before they were recorded), a member made a person (its
 * support stops counting, and a bloc may split), and two blocs whose hubs' names make the same
 * IRI (the recomputation writes them as one resource, which no update could take apart again).
 */
final class BlocUpdate {

    private final DatasetGraph dsg;
    private final Iris iris;
    private final Node graph;
    private final Map<Node, Boolean> persons = new HashMap<>();

    BlocUpdate(DatasetGraph dsg, Iris iris) {
        this.dsg = dsg;
        this.iris = iris;
        this.graph = iris.alliancesGraph();
    }

    /**
     * Thrown inside the update when only a recomputation is right. The recomputation replaces the
     * graph of blocs whole, so whatever the update wrote before is harmless; the checks come
     * before the writes all the same, to keep an update from half-doing its work.
     */
    private static final class NeedsRecompute extends Exception {
        NeedsRecompute() {
            super(null, null, false, false);
        }
    }

    AllianceBlocs.Outcome run(List<Node> graphs, Collection<Node> concludedPersons) {
        try {
            return updateInPlace(graphs, concludedPersons);
        } catch (NeedsRecompute e) {
            AllianceBlocs.recompute(dsg, iris);
            return AllianceBlocs.Outcome.RECOMPUTED;
        }
    }

    private AllianceBlocs.Outcome updateInPlace(List<Node> graphs, Collection<Node> concludedPersons) throws NeedsRecompute {
        boolean anyBloc = dsg.contains(graph, Node.ANY, Node.ANY, Node.ANY);
        if (anyBloc && !dsg.contains(graph, Node.ANY, CKG.hub, Node.ANY)) {
            // Written before hubs and degrees were stored. The graph says so itself, so the blocs
            // alone are recomputed, once; raising the Materializer's FORMAT instead would have
            // recomputed every inference as well, for no change of theirs.
            throw new NeedsRecompute();
        }
        Set<Node> persons = anyBloc ? typedPersons(graphs, concludedPersons) : Set.of();
        if (anyMember(persons)) {
            throw new NeedsRecompute(); // a member made a person: its support no longer counts
        }
        List<Quad> support = newSupport(graphs);
        Set<Node> relabel = anyBloc ? hubsGivenLabels(graphs, persons) : Set.of();
        if (support.isEmpty() && relabel.isEmpty()) {
            return AllianceBlocs.Outcome.UNCHANGED;
        }
        // Every party's bloc and degree before the transaction, and the hub of each such bloc.
        Map<Node, Node> blocOf = new HashMap<>();
        Map<Node, Long> before = new HashMap<>();
        Map<Node, Node> hubOf = new HashMap<>();
        Set<Node> parties = new LinkedHashSet<>();
        for (Quad q : support) {
            parties.add(q.getSubject());
            parties.add(q.getObject());
        }
        Set<Node> fresh = new HashSet<>(graphs);
        for (Node a : parties) {
            Node bloc = single(dsg.find(graph, a, CKG.memberOf, Node.ANY), true);
            if (bloc == null) {
                // Outside every bloc, an actor's only links that counted were to itself.
                before.put(a, 2 * selfLinks(a, fresh));
                continue;
            }
            blocOf.put(a, bloc);
            before.put(a, storedDegree(a));
            if (!hubOf.containsKey(bloc)) {
                hubOf.put(bloc, single(dsg.find(graph, bloc, CKG.hub, Node.ANY), false));
            }
        }
        for (Node hub : hubOf.values()) {
            if (!before.containsKey(hub)) {
                before.put(hub, storedDegree(hub));
            }
        }
        Map<Node, Long> degree = new HashMap<>(before);
        Map<Node, Node> parent = new HashMap<>();
        for (Quad q : support) {
            degree.merge(q.getSubject(), 1L, Long::sum);
            degree.merge(q.getObject(), 1L, Long::sum);
            AllianceBlocs.union(parent, q.getSubject(), q.getObject());
        }
        for (Map.Entry<Node, Node> e : blocOf.entrySet()) {
            AllianceBlocs.union(parent, e.getKey(), e.getValue());
        }
        // Components of parties and their old blocs; a bloc node stands for all its members.
        Map<Node, List<Node>> components = new LinkedHashMap<>();
        for (Node n : parent.keySet()) {
            components.computeIfAbsent(AllianceBlocs.find(parent, n), r -> new ArrayList<>()).add(n);
        }
        List<Runnable> writes = new ArrayList<>();
        Set<Node> named = new HashSet<>();
        for (List<Node> component : components.values()) {
            List<Node> blocs = new ArrayList<>();
            List<Node> actors = new ArrayList<>();
            for (Node n : component) {
                (hubOf.containsKey(n) ? blocs : actors).add(n);
            }
            if (blocs.isEmpty() && actors.size() < 2) {
                continue; // an actor supporting itself alone makes no bloc
            }
            List<Node> candidates = new ArrayList<>(actors);
            blocs.forEach(b -> candidates.add(hubOf.get(b)));
            Node hub = AllianceBlocs.hub(candidates, degree);
            Node target = AllianceBlocs.blocIri(iris, hub);
            boolean kept = blocs.contains(target);
            if (!named.add(target) || !kept && dsg.contains(graph, target, Node.ANY, Node.ANY)) {
                throw new NeedsRecompute(); // two blocs would share one IRI
            }
            writes.add(() -> rewrite(target, hub, kept, blocs, actors, blocOf, degree));
        }
        writes.forEach(Runnable::run);
        boolean changed = !writes.isEmpty();
        for (Node hub : relabel) {
            Node bloc = single(dsg.find(graph, Node.ANY, CKG.hub, hub), Quad::getSubject);
            if (bloc != null) {
                changed |= setLabel(bloc, hub);
            }
        }
        return changed ? AllianceBlocs.Outcome.UPDATED : AllianceBlocs.Outcome.UNCHANGED;
    }

    /** Writes one merged or grown bloc under {@code target}, moving the members of the others. */
    private void rewrite(Node target, Node hub, boolean kept, List<Node> blocs, List<Node> actors,
                         Map<Node, Node> blocOf, Map<Node, Long> degree) {
        if (kept) {
            dsg.deleteAny(graph, target, CKG.hub, Node.ANY);
            dsg.add(graph, target, CKG.hub, hub);
            setLabel(target, hub);
        } else {
            AllianceBlocs.describe(dsg, iris, target, hub);
        }
        for (Node bloc : blocs) {
            if (bloc.equals(target)) {
                continue;
            }
            for (Node m : Iter.toList(Iter.map(dsg.find(graph, bloc, CKG.member, Node.ANY), Quad::getObject))) {
                dsg.delete(graph, m, CKG.memberOf, bloc);
                AllianceBlocs.join(dsg, graph, target, m);
            }
            dsg.deleteAny(graph, bloc, Node.ANY, Node.ANY);
        }
        for (Node a : actors) {
            if (!blocOf.containsKey(a)) {
                AllianceBlocs.join(dsg, graph, target, a);
            }
            AllianceBlocs.setDegree(dsg, graph, a, degree.get(a));
        }
    }

    /** Names the bloc after its hub's label; true when that changed the name. */
    private boolean setLabel(Node bloc, Node hub) {
        Node label = AllianceBlocs.label(dsg, iris, hub);
        if (dsg.contains(graph, bloc, SKOS.prefLabel.asNode(), label)) {
            return false;
        }
        dsg.deleteAny(graph, bloc, SKOS.prefLabel.asNode(), Node.ANY);
        dsg.add(graph, bloc, SKOS.prefLabel.asNode(), label);
        return true;
    }

    /** The support and partnership the new graphs state that joins its parties. */
    private List<Quad> newSupport(List<Node> graphs) {
        Set<Node> derived = AllianceBlocs.derivedGraphs(iris);
        List<Quad> out = new ArrayList<>();
        for (Node g : graphs) {
            if (derived.contains(g)) {
                continue;
            }
            for (Node p : new Node[] {CKG.supports, CKG.partnersWith}) {
                dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    if (AllianceBlocs.counts(dsg, q, persons)) {
                        out.add(q);
                    }
                });
            }
        }
        return out;
    }

    /** What the new graphs and the inferences drawn from them make persons. */
    private Set<Node> typedPersons(List<Node> graphs, Collection<Node> concludedPersons) {
        Set<Node> typed = new HashSet<>(concludedPersons);
        for (Node g : graphs) {
            dsg.find(g, Node.ANY, RDF.type.asNode(), CKG.Person).forEachRemaining(q -> typed.add(q.getSubject()));
        }
        return typed;
    }

    private boolean anyMember(Set<Node> nodes) {
        for (Node n : nodes) {
            if (dsg.contains(graph, n, CKG.memberOf, Node.ANY)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hubs the new graphs give a preferred label, which can change their bloc's name (the
     * shared places graph's labels do not name blocs: see {@link AllianceBlocs#label}). Persons are
     * not looked up: none is a member, or the blocs are being recomputed.
     */
    private Set<Node> hubsGivenLabels(List<Node> graphs, Set<Node> persons) {
        Set<Node> labelled = new HashSet<>();
        for (Node g : graphs) {
            dsg.find(g, Node.ANY, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(q -> labelled.add(q.getSubject()));
        }
        labelled.removeAll(persons);
        Set<Node> hubs = new LinkedHashSet<>();
        for (Node n : labelled) {
            if (dsg.contains(graph, Node.ANY, CKG.hub, n)) {
                hubs.add(n);
            }
        }
        return hubs;
    }

    /** How many times, in graphs that count and are not new, the actor supports or partners itself. */
    private long selfLinks(Node a, Set<Node> fresh) {
        Set<Node> derived = AllianceBlocs.derivedGraphs(iris);
        long n = 0;
        for (Node p : new Node[] {CKG.supports, CKG.partnersWith}) {
            var it = dsg.find(Node.ANY, a, p, a);
            while (it.hasNext()) {
                Node g = it.next().getGraph();
                if (!derived.contains(g) && !fresh.contains(g)) {
                    n++;
                }
            }
        }
        return n;
    }

    private long storedDegree(Node member) throws NeedsRecompute {
        Node d = single(dsg.find(graph, member, CKG.supportDegree, Node.ANY), false);
        return Long.parseLong(d.getLiteralLexicalForm());
    }

    /**
     * The one object of the quads found; null when there are none and {@code optional}. Anything
     * else means the graph is not what a recomputation writes.
     */
    private static Node single(java.util.Iterator<Quad> found, boolean optional) throws NeedsRecompute {
        Node only = single(found, Quad::getObject);
        if (only == null && !optional) {
            throw new NeedsRecompute();
        }
        return only;
    }

    private static Node single(java.util.Iterator<Quad> found, java.util.function.Function<Quad, Node> part) throws NeedsRecompute {
        try {
            Node only = null;
            while (found.hasNext()) {
                Node n = part.apply(found.next());
                if (only != null && !only.equals(n)) {
                    throw new NeedsRecompute();
                }
                only = n;
            }
            return only;
        } finally {
            Iter.close(found);
        }
    }
}
