package org.conflictkg.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PublicationDateTest {

    private static Node date(String s) {
        return NodeFactory.createLiteralDT(s, XSDDatatype.XSDdate);
    }

    private static Node dateTime(String s) {
        return NodeFactory.createLiteralDT(s, XSDDatatype.XSDdateTime);
    }

    @Test
    void daysTellWhichCameFirst() {
        assertEquals(-1, Integer.signum(PublicationDate.compare(date("2017-09-12"), date("2017-09-13"))));
        assertEquals(1, Integer.signum(PublicationDate.compare(date("2018-01-01"), dateTime("2017-12-31T23:00:00Z"))));
    }

    @Test
    void theSameDayTellsOnlyWhenBothGiveATime() {
        assertNull(PublicationDate.compare(date("2017-09-12"), date("2017-09-12")));
        assertNull(PublicationDate.compare(date("2017-09-12"), dateTime("2017-09-12T08:00:00Z")));
        assertEquals(-1, Integer.signum(PublicationDate.compare(dateTime("2017-09-12T08:00:00+02:00"), dateTime("2017-09-12T07:00:00Z"))));
    }

    @Test
    void missingOrFreeFormDatesTellNothing() {
        assertNull(PublicationDate.compare(null, date("2017-09-12")));
        assertNull(PublicationDate.compare(NodeFactory.createLiteralString("last Tuesday"), date("2017-09-12")));
        assertNull(PublicationDate.compare(date("2017-02-30"), date("2017-09-12")));
    }
}
