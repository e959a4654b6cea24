package org.conflictkg.rdf;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ClosableIterator;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

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

    private static final Node TYPE = RDF.type.asNode();

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
            return withOffsets(p, o, super::find, g, s);
        }

        @Override
        public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
            return withOffsets(p, o, super::findNG, g, s);
        }

        /**
         * What {@code finder} gives for the pattern, as the view answers it: with the offsets
         * stated when predicate and object are open; for {@code ckg:start} or {@code ckg:end},
         * the offsets of every typed span (every span is typed), once each, in place of any stored
         * for it; else as stored.
         */
        private static Iterator<Quad> withOffsets(Node p, Node o, QuadFinder finder, Node g, Node s) {
            Node predicate = p == null ? Node.ANY : p;
            Node object = o == null ? Node.ANY : o;
            if (open(predicate) && open(object)) {
                return stated(finder.find(g, s, Node.ANY, Node.ANY));
            }
            if (!predicate.equals(CKG.start) && !predicate.equals(CKG.end)) {
                return finder.find(g, s, predicate, object);
            }
            // Typed spans come grouped by type, not by span, so one with two types would come twice.
            Iterator<Quad> derived = Iter.distinct(Iter.filter(stated(finder.find(g, s, TYPE, Node.ANY)),
                    q -> q.getPredicate().equals(predicate) && (open(object) || q.getObject().equals(object))));
            Iterator<Quad> storedOfOthers = Iter.filter(finder.find(g, s, predicate, object), q -> Iris.spanOffsets(q.getSubject()) == null);
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

        /**
         * The store's own union graph with the offsets stated. Not a {@code GraphView} over this
         * view: that would keep every triple of the store in memory to drop duplicates, where the
         * store's union graph streams them grouped by subject.
         */
        @Override
        public Graph getUnionGraph() {
            return new StatedGraph(get().getUnionGraph());
        }
    }

    @FunctionalInterface
    private interface QuadFinder {
        Iterator<Quad> find(Node g, Node s, Node p, Node o);
    }

    /** A graph whose whole-graph finds state each span's offsets beside its triples. */
    private static final class StatedGraph extends GraphWrapper {

        StatedGraph(Graph graph) {
            super(graph);
        }

        @Override
        public ExtendedIterator<Triple> find() {
            return find(Node.ANY, Node.ANY, Node.ANY);
        }

        @Override
        public ExtendedIterator<Triple> find(Triple m) {
            return find(m.getSubject(), m.getPredicate(), m.getObject());
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            QuadFinder inGraph = (g, subject, predicate, object) ->
                    get().find(subject, predicate, object).mapWith(t -> Quad.create(Quad.unionGraph, t));
            return WrappedIterator.create(StatedView.withOffsets(p, o, inGraph, Quad.unionGraph, s)).mapWith(Quad::asTriple);
        }
    }

    private static boolean open(Node n) {
        return n == null || Node.ANY.equals(n) || n.isVariable();
    }

    /** Closing it closes what it reads, as Jena's iterators over a store expect. */
    private static final class Stating implements IteratorCloseable<Quad>, ClosableIterator<Quad> {

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

        @Override
        public void close() {
            Iter.close(quads);
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
