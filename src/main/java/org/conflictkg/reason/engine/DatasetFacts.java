package org.conflictkg.reason.engine;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a dataset: the distinct triples of all its graphs but some, which hold what the
 * rules must not read (provenance records, alliance blocs). Must be used inside a transaction
 * on the dataset, and sees what that transaction writes once {@link #refresh()} is called.
 *
 * <p>Schema lookups ({@code rdfs:subClassOf}, {@code rdfs:subPropertyOf}) are remembered until
 * the next refresh: the class rules ask the same few questions for every typed resource of a
 * batch, and the answers change only when a round concludes a new schema triple.
 */
public final class DatasetFacts implements Facts {

    private static final Set<Node> REMEMBERED = Set.of(RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode());

    private record Pattern(Node s, Node p, Node o) {}

    private final DatasetGraph dsg;
    private final Set<Node> excluded;
    private final Map<Pattern, List<Triple>> remembered = new HashMap<>();

    public DatasetFacts(DatasetGraph dsg, Set<Node> excludedGraphs) {
        this.dsg = dsg;
        this.excluded = Set.copyOf(excludedGraphs);
    }

    @Override
    public List<Triple> find(Node s, Node p, Node o) {
        Node ss = any(s);
        Node pp = any(p);
        Node oo = any(o);
        if (REMEMBERED.contains(pp)) {
            return remembered.computeIfAbsent(new Pattern(ss, pp, oo), k -> scan(ss, pp, oo));
        }
        return scan(ss, pp, oo);
    }

    @Override
    public boolean contains(Triple t) {
        if (REMEMBERED.contains(t.getPredicate())) {
            return !find(t.getSubject(), t.getPredicate(), t.getObject()).isEmpty();
        }
        Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        try {
            while (it.hasNext()) {
                if (!excluded.contains(it.next().getGraph())) {
                    return true;
                }
            }
            return false;
        } finally {
            Iter.close(it);
        }
    }

    @Override
    public void refresh() {
        remembered.clear();
    }

    private List<Triple> scan(Node s, Node p, Node o) {
        // The same triple in many graphs (a support stated by a hundred articles) is one fact.
        Set<Triple> out = new LinkedHashSet<>();
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, o);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                if (!excluded.contains(q.getGraph())) {
                    out.add(q.asTriple());
                }
            }
        } finally {
            Iter.close(it);
        }
        return new ArrayList<>(out);
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }
}
