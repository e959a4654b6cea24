package org.conflictkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpanOffsetsTest {

    private static final Node DOC = NodeFactory.createURI("http://localhost:3030/id/document/d1");
    private static final Node SPAN = Iris.span(DOC, 4, 9);
    private static final Node TYPE = RDF.type.asNode();

    private static List<Quad> all(Iterator<Quad> it) {
        List<Quad> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static DatasetGraph store() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        dsg.add(DOC, DOC, TYPE, CKG.Document);
        // A span that is both a sentence and boilerplate: its offsets are stated once.
        dsg.add(DOC, SPAN, TYPE, CKG.Sentence);
        dsg.add(DOC, SPAN, TYPE, CKG.Boilerplate);
        return dsg;
    }

    @Test
    void eachSpanGetsItsStartAndEndOnceBeforeItsFirstQuad() {
        List<Quad> in = List.of(
                Quad.create(DOC, DOC, TYPE, CKG.Document),
                Quad.create(DOC, SPAN, TYPE, CKG.Sentence),
                Quad.create(DOC, SPAN, TYPE, CKG.Boilerplate));
        List<Quad> out = all(SpanOffsets.stated(in.iterator()));
        assertEquals(List.of(
                in.get(0),
                Quad.create(DOC, SPAN, CKG.start, SpanOffsets.integer(4)),
                Quad.create(DOC, SPAN, CKG.end, SpanOffsets.integer(9)),
                in.get(1), in.get(2)), out);
    }

    @Test
    void offsetsAlreadyStatedAreReplacedByTheIrisNotRepeated() {
        List<Quad> in = List.of(
                Quad.create(DOC, SPAN, CKG.end, SpanOffsets.integer(9)),
                Quad.create(DOC, SPAN, CKG.start, SpanOffsets.integer(4)),
                Quad.create(DOC, SPAN, TYPE, CKG.Mention));
        List<Quad> out = all(SpanOffsets.stated(in.iterator()));
        assertEquals(3, out.size(), out.toString());
        assertEquals(1, out.stream().filter(q -> q.getPredicate().equals(CKG.start)).count());
        assertEquals(1, out.stream().filter(q -> q.getPredicate().equals(CKG.end)).count());
    }

    @Test
    void theViewStatesOffsetsInEveryWholeGraphItGives() {
        DatasetGraph view = SpanOffsets.stated(store());
        Set<Triple> named = view.getGraph(DOC).find().toSet();
        Set<Triple> union = view.getUnionGraph().find().toSet();
        Triple start = Triple.create(SPAN, CKG.start, SpanOffsets.integer(4));
        Triple end = Triple.create(SPAN, CKG.end, SpanOffsets.integer(9));
        assertTrue(named.contains(start) && named.contains(end), named.toString());
        assertTrue(union.contains(start) && union.contains(end), union.toString());
        List<Quad> quads = all(view.find());
        assertEquals(5, quads.size(), quads.toString());
        assertEquals(5, Set.copyOf(quads).size(), "no quad twice: " + quads);
    }

    @Test
    void inAStoreWhoseTypeIndexSplitsASpansTypesEachSpanStillHasOneStart() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        Node other = Iris.span(DOC, 20, 25);
        // Types numbered in this order sort the span with two types around the other one.
        Txn.executeWrite(tdb, () -> {
            tdb.add(DOC, SPAN, TYPE, CKG.Sentence);
            tdb.add(DOC, other, TYPE, CKG.Mention);
            tdb.add(DOC, SPAN, TYPE, CKG.Boilerplate);
        });
        Txn.executeRead(tdb, () -> {
            DatasetGraph view = SpanOffsets.stated(tdb);
            List<Quad> starts = all(view.find(DOC, Node.ANY, CKG.start, Node.ANY));
            assertEquals(Set.of(Quad.create(DOC, SPAN, CKG.start, SpanOffsets.integer(4)), Quad.create(DOC, other, CKG.start, SpanOffsets.integer(20))),
                    Set.copyOf(starts));
            assertEquals(2, starts.size(), starts.toString());
            List<Triple> union = view.getUnionGraph().find().toList();
            assertEquals(3 + 2 * 2, union.size(), "three types and two offsets for each of two spans: " + union);
        });
    }

    @Test
    void aPatternOnAnOffsetFindsTheDerivedOffsetsAndAnyOtherFromTheStore() {
        DatasetGraph view = SpanOffsets.stated(store());
        assertEquals(List.of(Quad.create(DOC, SPAN, CKG.start, SpanOffsets.integer(4))), all(view.find(DOC, Node.ANY, CKG.start, Node.ANY)));
        assertEquals(List.of(Quad.create(DOC, SPAN, CKG.end, SpanOffsets.integer(9))), all(view.find(Node.ANY, SPAN, CKG.end, SpanOffsets.integer(9))));
        assertFalse(view.find(DOC, SPAN, CKG.end, SpanOffsets.integer(8)).hasNext());
        List<Quad> types = all(view.find(DOC, SPAN, TYPE, Node.ANY));
        assertEquals(Set.of(CKG.Sentence, CKG.Boilerplate), types.stream().map(Quad::getObject).collect(Collectors.toSet()));
    }
}
