package org.conflictkg.reason;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups actors into alliance blocs: actors joined, directly or through others, by support or
 * partnership. Opposition never joins a bloc, and neither does merely appearing in the same
 * article. Computed over the whole store with union-find (near-linear in the number of support
 * relations) and written to the graph {@code {base}graph/alliances}, replaced whole each time.
 *
 * <p>A bloc's IRI is named after its hub, the member with the most support and partnership links
 * (ties broken by IRI), so it stays the same as documents add members around the same hub.
 *
 * <p>Only asserted support counts (documents, reference data, analysts' files): the graphs of
 * inferences and provenance, which restate support the other way round, are not read. The
 * {@link Materializer} runs this inside a load's transaction when the new documents state
 * support; blocs are not rule input (see {@code ckg:Alliance} for why membership of one does
 * not make actors allied).
 */
public final class AllianceBlocs {

    private AllianceBlocs() {}

    /** Recomputes the blocs in a transaction of their own; returns how many there are. */
    public static int recompute(KnowledgeStore store) {
        int[] count = {0};
        store.write(dsg -> count[0] = recompute(dsg, store.iris()));
        return count[0];
    }

    /**
     * Recomputes the blocs inside the caller's write transaction, replacing the graph {@code
     * {base}graph/alliances}; returns how many there are.
     */
    public static int recompute(DatasetGraph dsg, Iris iris) {
        Node graph = iris.alliancesGraph();
        java.util.Set<Node> derived = java.util.Set.of(graph, iris.inferencesGraph(), iris.provenanceGraph());
        Map<Node, Node> parent = new HashMap<>();
        Map<Node, Integer> degree = new HashMap<>();
        for (Node p : new Node[] {CKG.supports, CKG.partnersWith}) {
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (derived.contains(q.getGraph()) || !q.getObject().isURI() || isPerson(dsg, q.getSubject()) || isPerson(dsg, q.getObject())) {
                    return;
                }
                union(parent, q.getSubject(), q.getObject());
                degree.merge(q.getSubject(), 1, Integer::sum);
                degree.merge(q.getObject(), 1, Integer::sum);
            });
        }
        Map<Node, List<Node>> blocs = new TreeMap<>(Comparator.comparing(Node::getURI));
        for (Node n : parent.keySet()) {
            blocs.computeIfAbsent(find(parent, n), r -> new ArrayList<>()).add(n);
        }
        dsg.removeGraph(graph);
        int written = 0;
        for (List<Node> members : blocs.values()) {
            if (members.size() < 2) {
                continue;
            }
            Node hub = members.stream()
                    .max(Comparator.<Node>comparingInt(m -> degree.getOrDefault(m, 0)).thenComparing(Node::getURI, Comparator.reverseOrder()))
                    .orElseThrow();
            String hubName = label(dsg, hub);
            Node bloc = NodeFactory.createURI(iris.base() + "id/alliance/" + Iris.slug(localName(hub)));
            dsg.add(new Quad(graph, bloc, RDF.type.asNode(), CKG.Alliance));
            dsg.add(new Quad(graph, bloc, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Bloc of " + hubName, "en")));
            for (Node m : members) {
                dsg.add(new Quad(graph, bloc, CKG.member, m));
                dsg.add(new Quad(graph, m, CKG.memberOf, bloc));
            }
            written++;
        }
        return written;
    }

    private static boolean isPerson(DatasetGraph dsg, Node n) {
        return dsg.contains(Node.ANY, n, RDF.type.asNode(), CKG.Person);
    }

    private static String label(DatasetGraph dsg, Node n) {
        var it = dsg.find(Node.ANY, n, SKOS.prefLabel.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : localName(n);
    }

    private static String localName(Node n) {
        String uri = n.getURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static Node find(Map<Node, Node> parent, Node n) {
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

    private static void union(Map<Node, Node> parent, Node a, Node b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        Node ra = find(parent, a);
        Node rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
