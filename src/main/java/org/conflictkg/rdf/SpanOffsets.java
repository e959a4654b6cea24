package org.conflictkg.rdf;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The offsets of spans, stated: {@code ckg:start} and {@code ckg:end} for every span IRI
 * ({@code <doc#char=s,e>}, RFC 5147).
 *
 * <p>The store keeps a span's offsets only in its IRI, the compact form (one quad in three fewer
 * per load). Readers of exported RDF, and Web Annotation tools, expect them stated; this class
 * states them on the way out, as a view: {@code RDFDataMgr.write(out, SpanOffsets.stated(dsg),
 * RDFFormat.TRIG_BLOCKS)}. A span's start and end are put just before its first quad in each run
 * of quads with the same graph and subject, which is every run in the store's index order; quads
 * stating them already (a store written before, an RDF file loaded) are replaced by the derived
 * ones, so nothing is stated twice in a run.
 */
public final class SpanOffsets {

    private static final Node TYPE = org.apache.jena.vocabulary.RDF.type.asNode();

    private SpanOffsets() {
    }

    /** An offset as the store's datatype has it ({@code xsd:integer}). */
    public static Node integer(int offset) {
        return NodeFactory.createLiteralDT(Integer.toString(offset), XSDDatatype.XSDinteger);
    }

    /** {@code quads} with each span's {@code ckg:start} and {@code ckg:end} before its first quad. */
    public static Iterator<Quad> stated(Iterator<Quad> quads) {
        return new Stating(quads);
    }

    /**
     * A view of {@code dsg} that states the offsets: a pattern that leaves the predicate and object
     * open (what writers ask) has them beside each span's quads, one on {@code ckg:start} or {@code
     * ckg:end} has them alone; any other pattern is answered from {@code dsg}. The caller holds
     * {@code dsg}'s read transaction.
     */
    public static DatasetGraph stated(DatasetGraph dsg) {
        return new StatedView(dsg);
    }

    private static final class StatedView extends DatasetGraphWrapper {

        StatedView(DatasetGraph dsg) {
            super(dsg);
        }

        @Override
        public Iterator<Quad> find() {
            return stated(super.find());
        }

        @Override
        public Iterator<Quad> find(Quad quad) {
            return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
        }

        @Override
        public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
            return withOffsets(super.find(g, s, p, o), super.find(g, s, TYPE, Node.ANY), p, o);
        }

        @Override
        public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
            return withOffsets(super.findNG(g, s, p, o), super.findNG(g, s, TYPE, Node.ANY), p, o);
        }

        /**
         * {@code found} as the pattern {@code p o} wants it: with the offsets stated in a whole
         * graph; for {@code ckg:start} or {@code ckg:end}, the offsets of every typed span (every
         * span is typed) in place of any stored for it; else as stored.
         */
        private static Iterator<Quad> withOffsets(Iterator<Quad> found, Iterator<Quad> typed, Node p, Node o) {
            if (open(p) && open(o)) {
                Iter.close(typed);
                return stated(found);
            }
            if (!p.equals(CKG.start) && !p.equals(CKG.end)) {
                Iter.close(typed);
                return found;
            }
            Iterator<Quad> derived = Iter.filter(stated(typed), q -> q.getPredicate().equals(p) && (open(o) || q.getObject().equals(o)));
            Iterator<Quad> storedOfOthers = Iter.filter(found, q -> Iris.spanOffsets(q.getSubject()) == null);
            return Iter.concat(derived, storedOfOthers);
        }

        @Override
        public Graph getDefaultGraph() {
            return GraphView.createDefaultGraph(this);
        }

        @Override
        public Graph getGraph(Node graphNode) {
            return GraphView.createNamedGraph(this, graphNode);
        }

        @Override
        public Graph getUnionGraph() {
            return GraphView.createUnionGraph(this);
        }

    }

    private static boolean open(Node n) {
        return n == null || Node.ANY.equals(n) || n.isVariable();
    }

    private static final class Stating implements Iterator<Quad> {

        private final Iterator<Quad> quads;
        private final ArrayDeque<Quad> ready = new ArrayDeque<>(3);
        private Node graph;
        private Node subject;
        private boolean subjectIsSpan;

        Stating(Iterator<Quad> quads) {
            this.quads = quads;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && quads.hasNext()) {
                take(quads.next());
            }
            return !ready.isEmpty();
        }

        @Override
        public Quad next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void take(Quad q) {
            if (!q.getSubject().equals(subject) || !q.getGraph().equals(graph)) {
                graph = q.getGraph();
                subject = q.getSubject();
                int[] offsets = Iris.spanOffsets(subject);
                subjectIsSpan = offsets != null;
                if (subjectIsSpan) {
                    ready.add(Quad.create(graph, subject, CKG.start, integer(offsets[0])));
                    ready.add(Quad.create(graph, subject, CKG.end, integer(offsets[1])));
                }
            }
            if (subjectIsSpan && (q.getPredicate().equals(CKG.start) || q.getPredicate().equals(CKG.end))) {
                return; // stated above, from the IRI
            }
            ready.add(q);
        }
    }
}
