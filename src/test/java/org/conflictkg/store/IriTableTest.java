package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IriTableTest {

    private static Node iri(int i) {
        // Long shared prefixes and non-ASCII bytes, as quotation IRIs have.
        return NodeFactory.createURI("https://example.org/kg/quotation/" + (i % 7 == 0 ? "déjà-" : "") + Integer.toHexString(i * 2654435761L > 0 ? i : -i));
    }

    @Test
    void numbersIrisInOrderAndFindsThemAgainThroughGrowth() {
        IriTable t = new IriTable();
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, t.add(iri(i)));
        }
        assertEquals(5000, t.size());
        for (int i = 0; i < 5000; i += 37) {
            assertEquals(iri(i), t.get(i));
            assertEquals(i, t.indexOf(iri(i)));
        }
        assertEquals(-1, t.indexOf(NodeFactory.createURI("https://example.org/kg/quotation/absent")));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(5000));
    }

    @Test
    void readsBackWhatItWroteAndTakesMore() throws IOException {
        IriTable t = new IriTable();
        for (int i = 0; i < 300; i++) {
            t.add(iri(i));
        }
        IriTable back = IriTable.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(t))));
        assertEquals(300, back.size());
        assertEquals(iri(299), back.get(299));
        assertEquals(123, back.indexOf(iri(123)));
        assertEquals(300, back.add(iri(300)));
        assertEquals(300, back.indexOf(iri(300)));
        assertEquals(iri(0), back.get(0));
    }

    @Test
    void refusesOffsetsThatRunBackwards() throws IOException {
        IriTable t = new IriTable();
        t.add(iri(1));
        t.add(iri(2));
        byte[] b = bytes(t);
        // size, then the bytes (length + content), then the offsets (length, 0, end of first, end of second)
        int firstEnd = 4 + 4 + iri(1).getURI().length() + iri(2).getURI().length() + 4 + 4;
        b[firstEnd] = (byte) 0x7F; // the end of the first IRI now lies past the end of the second
        assertThrows(IOException.class, () -> IriTable.readFrom(new DataInputStream(new ByteArrayInputStream(b))));
    }

    private static byte[] bytes(IriTable t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            t.writeTo(out);
        }
        return bytes.toByteArray();
    }
}
