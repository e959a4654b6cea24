package org.conflictkg.reason;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.KnowledgeStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups actors into alliance blocs: actors joined, directly or through others, by support or
 * partnership. Opposition never joins a bloc, and neither does merely appearing in the same
 * article. Written to the graph {@code {base}graph/alliances}.
 *
 * <p>A bloc's IRI is named after its hub ({@code ckg:hub}), the member with the most support and
 * partnership links (ties broken by IRI), so it stays the same as documents add members around
 * the same hub. Each member's count of links is stored with it ({@code ckg:supportDegree}): with
 * the hub and the counts in the graph, a load can update the blocs its documents touch ({@link
 * #update}) without reading all support again, which on a large store cost more than the rest of
 * a batch's reasoning.
 *
 * <p>Only asserted support counts (documents, reference data, analysts' files), each statement
 * once per graph stating it: the graphs of inferences and provenance, which restate support the
 * other way round, are not read. Persons are left out, and so is any support they are party to.
 * The {@link Materializer} runs this inside a load's transaction; blocs are not rule input (see
 * {@code ckg:Alliance} for why membership of one does not make actors allied).
 */
public final class AllianceBlocs {

    /** What a call to {@link #update} did. */
    public enum Outcome {
        /** Nothing the transaction added changes a bloc. */
        UNCHANGED,
        /** The blocs the transaction touched were updated in place. */
        UPDATED,
        /** Every bloc was recomputed from the whole store. */
        RECOMPUTED
    }

    /** The hub is the greatest member in this order: most links first, then the smallest IRI. */
    static final Comparator<Node> BY_IRI_DESCENDING = Comparator.comparing(Node::getURI, Comparator.reverseOrder());

    private AllianceBlocs() {}

    /** Recomputes the blocs in a transaction of their own; returns how many there are. */
    public static int recompute(KnowledgeStore store) {
        int[] count = {0};
        store.write(dsg -> count[0] = recompute(dsg, store.iris()));
        return count[0];
    }

    /**
     * Recomputes the blocs from every support and partnership in the store, inside the caller's
     * write transaction, replacing the graph {@code {base}graph/alliances}; returns how many there
     * are. Union-find keeps it near-linear in the number of support relations.
     */
    public static int recompute(DatasetGraph dsg, Iris iris) {
        Set<Node> derived = derivedGraphs(iris);
        Map<Node, Node> parent = new HashMap<>();
        Map<Node, Long> degree = new HashMap<>();
        Map<Node, Boolean> persons = new HashMap<>();
        for (Node p : new Node[] {CKG.supports, CKG.partnersWith}) {
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (derived.contains(q.getGraph()) || !counts(dsg, q, persons)) {
                    return;
                }
                union(parent, q.getSubject(), q.getObject());
                degree.merge(q.getSubject(), 1L, Long::sum);
                degree.merge(q.getObject(), 1L, Long::sum);
            });
        }
        Map<Node, List<Node>> blocs = new TreeMap<>(Comparator.comparing(Node::getURI));
        for (Node n : parent.keySet()) {
            blocs.computeIfAbsent(find(parent, n), r -> new ArrayList<>()).add(n);
        }
        Node graph = iris.alliancesGraph();
        dsg.removeGraph(graph);
        int written = 0;
        for (List<Node> members : blocs.values()) {
            if (members.size() < 2) {
                continue;
            }
            Node hub = hub(members, degree);
            Node bloc = blocIri(iris, hub);
            describe(dsg, iris, bloc, hub);
            for (Node m : members) {
                join(dsg, graph, bloc, m);
                setDegree(dsg, graph, m, degree.get(m));
            }
            written++;
        }
        return written;
    }

    /**
     * Brings the blocs up to date with the named graphs a write transaction added, inside that
     * transaction: the blocs are then exactly what {@link #recompute(DatasetGraph, Iris)} would
     * write, at a cost that follows the new graphs and the blocs they touch, not the store. It
     * recomputes everything instead when the graph of blocs was written before blocs recorded
     * their hubs, and when the transaction made a member of a bloc a person (its support no longer
     * counts, and a bloc may split: only the whole store says where).
     *
     * @param graphs the graphs the transaction added; nothing else changed but the shared places
     *     graph and the inferences drawn from them
     * @param concludedPersons resources the inferences drawn in the transaction make persons
     */
    public static Outcome update(DatasetGraph dsg, Iris iris, List<Node> graphs, Collection<Node> concludedPersons) {
        return new BlocUpdate(dsg, iris).run(graphs, concludedPersons);
    }

    /** The graphs whose support does not count: the derived ones, which restate it. */
    static Set<Node> derivedGraphs(Iris iris) {
        return Set.of(iris.alliancesGraph(), iris.inferencesGraph(), iris.provenanceGraph());
    }

    /**
     * True when a support or partnership quad (of a graph that counts) joins its parties: the
     * object is a resource and neither party is a person. {@code persons} caches the answers.
     */
    static boolean counts(DatasetGraph dsg, Quad q, Map<Node, Boolean> persons) {
        return q.getObject().isURI() && !isPerson(dsg, q.getSubject(), persons) && !isPerson(dsg, q.getObject(), persons);
    }

    static boolean isPerson(DatasetGraph dsg, Node n, Map<Node, Boolean> persons) {
        return persons.computeIfAbsent(n, x -> dsg.contains(Node.ANY, x, RDF.type.asNode(), CKG.Person));
    }

    /** The member with the most links; of those, the one with the smallest IRI. */
    static Node hub(Collection<Node> members, Map<Node, Long> degree) {
        return members.stream()
                .max(Comparator.<Node>comparingLong(degree::get).thenComparing(BY_IRI_DESCENDING))
                .orElseThrow();
    }

    static Node blocIri(Iris iris, Node hub) {
        return NodeFactory.createURI(iris.base() + "id/alliance/" + Iris.slug(localName(hub)));
    }

    /** Writes what a bloc says of itself: its type, its name and its hub. */
    static void describe(DatasetGraph dsg, Iris iris, Node bloc, Node hub) {
        Node graph = iris.alliancesGraph();
        dsg.add(new Quad(graph, bloc, RDF.type.asNode(), CKG.Alliance));
        dsg.add(new Quad(graph, bloc, SKOS.prefLabel.asNode(), label(dsg, iris, hub)));
        dsg.add(new Quad(graph, bloc, CKG.hub, hub));
    }

    static void join(DatasetGraph dsg, Node graph, Node bloc, Node member) {
        dsg.add(new Quad(graph, bloc, CKG.member, member));
        dsg.add(new Quad(graph, member, CKG.memberOf, bloc));
    }

    static void setDegree(DatasetGraph dsg, Node graph, Node member, long degree) {
        dsg.deleteAny(graph, member, CKG.supportDegree, Node.ANY);
        dsg.add(new Quad(graph, member, CKG.supportDegree, NodeFactory.createLiteralDT(Long.toString(degree), XSDDatatype.XSDinteger)));
    }

    /**
     * "Bloc of" the hub's preferred label; of several (a curated one, one a document gave), the
     * least, so that the name depends on the labels and not on the order an index returns them in.
     * The labels of the shared places graph do not count: the document mapper adds there the
     * gazetteer's name of every place a document mentions, so a load could rename a bloc without
     * any of its graphs saying so, and an update would have to look up every place of every new
     * document to notice. Documents never make a place a party to support (a country named as a
     * backer is its state, an actor), so only a hub that curated data makes a place loses a name
     * by it, and takes its IRI's.
     */
    static Node label(DatasetGraph dsg, Iris iris, Node hub) {
        String least = null;
        Node places = iris.placesGraph();
        var it = dsg.find(Node.ANY, hub, SKOS.prefLabel.asNode(), Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            Node l = q.getObject();
            if (!q.getGraph().equals(places) && l.isLiteral() && (least == null || l.getLiteralLexicalForm().compareTo(least) < 0)) {
                least = l.getLiteralLexicalForm();
            }
        }
        return NodeFactory.createLiteralLang("Bloc of " + (least == null ? localName(hub) : least), "en");
    }

    private static String localName(Node n) {
        String uri = n.getURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    static Node find(Map<Node, Node> parent, Node n) {
        Node root = n;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        Node cur = n;
        while (!cur.equals(root)) {
            Node next = parent.get(cur);
            parent.put(cur, root); // path compression keeps the whole pass near-linear
            cur = next;
        }
        return root;
    }

    static void union(Map<Node, Node> parent, Node a, Node b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        Node ra = find(parent, a);
        Node rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
