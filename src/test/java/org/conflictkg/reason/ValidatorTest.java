package org.conflictkg.reason;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.ReferenceData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {

    private static final Iris IRIS = Iris.defaults();
    private static final String DIR = "src/test/resources/reason/validation/";

    private static DatasetGraph store(String... files) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            RDFParser.fromString(ReferenceData.ontology(), Lang.TURTLE).parse(dsg.getGraph(IRIS.ontologyGraph()));
            for (String f : files) {
                RDFParser.source(DIR + f).parse(dsg);
            }
        });
        return dsg;
    }

    private static List<Violation> validate(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> Validator.standard().validate(dsg));
    }

    private static String show(List<Violation> vs) {
        return vs.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aWellFormedStoreConforms() {
        List<Violation> found = validate(store("clean.trig"));
        assertTrue(found.isEmpty(), show(found));
    }

    @Test
    void aWellFormedStoreStillConformsOnceReasonedOver() {
        DatasetGraph dsg = store("clean.trig");
        Txn.executeWrite(dsg, () -> Materializer.standard(IRIS).recomputeAll(dsg));
        List<Violation> found = validate(dsg);
        assertTrue(found.isEmpty(), show(found));
    }

    @Test
    void eachFaultIsReportedOnItsResourceWithWhatIsWrong() {
        List<Violation> found = validate(store("clean.trig", "faults.trig"));
        String all = show(found);
        assertEquals(1, count(found, "http://localhost:3030/id/person/two-faced", "typed ckg:ArmedGroup and ckg:Person"), all);
        assertTrue(has(found, "http://localhost:3030/id/person/two-faced", "but ckg:Organization and ckg:Person are disjoint"), all);
        assertTrue(has(found, "http://localhost:3030/id/document/d1#char=44,60", "ends at 60, beyond the end of its document's text (48"), all);
        assertTrue(has(found, "http://localhost:3030/id/document/d1#char=9,3", "names its offsets, <document#char=start,end>, with 0 <= start <= end"), all);
        assertTrue(has(found, "http://localhost:3030/id/document/d1#char=+1,4", "names its offsets, <document#char=start,end>"), all);
        assertTrue(found.stream().anyMatch(v -> v.focus().getURI().endsWith("d1#char=0,6") && v.path().equals("ckg:start")
                && v.message().contains("states the offset 1, but its IRI names 0")), all);
        assertTrue(has(found, "http://localhost:3030/id/document/d1#words", "its IRI is a span of it"), all);
        assertTrue(has(found, "http://localhost:3030/id/quotation/q2", "attested at least once"), all);
        assertTrue(has(found, "http://localhost:3030/id/document/d1#relation-1", "goes to exactly one actor"), all);
        assertTrue(has(found, "http://localhost:3030/id/place/nowhere", "one latitude"), all);
        assertTrue(has(found, "http://localhost:3030/id/place/nowhere", "one longitude"), all);
        assertTrue(has(found, "http://localhost:3030/id/place/upstream", "lies in <http://localhost:3030/id/place/downstream>, which lies in it"), all);
        // Each names the shape it breaks, never a blank node of the shapes graph.
        assertTrue(found.stream().allMatch(v -> v.source().startsWith("shapes:") || v.source().startsWith("owl:")), all);
        assertEquals(found.size(), found.stream().distinct().count(), "no violation twice: " + all);
    }

    @Test
    void aDocumentWhoseStatedLengthIsWrongIsReported() {
        DatasetGraph dsg = store("clean.trig");
        Txn.executeWrite(dsg, () -> {
            var d1 = NodeFactory.createURI("http://localhost:3030/id/document/d1");
            var length = NodeFactory.createURI("https://w3id.org/conflict-kg/ontology#length");
            dsg.deleteAny(d1, d1, length, null);
            dsg.add(d1, d1, length, NodeFactory.createLiteralDT("47", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
        });
        List<Violation> found = validate(dsg);
        assertTrue(has(found, "http://localhost:3030/id/document/d1", "The stated length (47) is not the length of the document's text (48"), show(found));
    }

    private static boolean has(List<Violation> vs, String focus, String fragment) {
        return count(vs, focus, fragment) > 0;
    }

    private static long count(List<Violation> vs, String focus, String fragment) {
        return vs.stream().filter(v -> v.focus().getURI().equals(focus) && v.message().contains(fragment)).count();
    }
}
