package org.conflictkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.EntityKind;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerEntry;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentMapperTest {

    private static final GazetteerEntry RAQQA = new GazetteerEntry("id/place/raqqa-163345", EntityKind.PLACE, "Raqqa", "163345", 35.95283, 39.00788, "SY", 177636, "P.PPLA");
    private static final Gazetteer GAZETTEER = new Gazetteer.Builder().add(RAQQA, "Raqqa", Gazetteer.NameForm.NAME).add(RAQQA, "Ar Raqqah", Gazetteer.NameForm.NAME).build();
    private static final Iris IRIS = Iris.defaults();

    private static List<Quad> map(Document d) {
        AnalyzedDocument a = Pipeline.standard(GAZETTEER).analyze(d);
        List<Quad> quads = new ArrayList<>();
        new DocumentMapper(IRIS, GAZETTEER).map(a, new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                quads.add(q);
            }
        });
        return quads;
    }

    @Test
    void mentionOffsetsAreCodePointsThatFindTheTextAgain() {
        String text = "😀 Fighting near Raqqa. 😀 Ar Raqqah was quiet.";
        Document d = DocumentReader.fromText(text, "x.txt");
        DatasetGraph ds = DatasetGraphFactory.create();
        map(d).forEach(ds::add);
        Node g = IRIS.document(d.contentHash());
        List<String> found = new ArrayList<>();
        ds.find(g, null, CKG.exact, null).forEachRemaining(q -> {
            int[] offsets = Iris.spanOffsets(g, q.getSubject());
            int s = offsets[0];
            int e = offsets[1];
            int[] cps = text.codePoints().toArray();
            assertEquals(q.getObject().getLiteralLexicalForm(), new String(cps, s, e - s));
            found.add(q.getObject().getLiteralLexicalForm() + "@" + s);
        });
        found.sort(null);
        assertEquals(List.of("Ar Raqqah@25", "Raqqa@16"), found);
    }

    @Test
    void spansKeepTheirOffsetsInTheirIrisOnly() {
        Document d = DocumentReader.fromText("Rebels said: \"We hold Raqqa.\" Shelling went on near Aleppo.", "s.txt");
        List<Quad> quads = map(d);
        Node g = IRIS.document(d.contentHash());
        assertTrue(quads.stream().noneMatch(q -> q.getPredicate().equals(CKG.start) || q.getPredicate().equals(CKG.end)), quads.toString());
        long spanTypes = quads.stream()
                .filter(q -> q.getPredicate().equals(RDF.type.asNode()) && Iris.spanOffsets(g, q.getSubject()) != null)
                .map(Quad::getObject).distinct().count();
        assertTrue(spanTypes >= 3, "sentences, mentions and an attestation are spans of the document: " + quads);
    }

    @Test
    void documentFactsGoToItsGraphAndPlaceDescriptionsToThePlacesGraph() {
        Document d = DocumentReader.fromText("Title: Report\nDate: 2017-06-01\nSource: Example Wire\n\nShelling in Raqqa.", "r.txt");
        List<Quad> quads = map(d);
        Node g = IRIS.document(d.contentHash());
        Node raqqa = IRIS.entity(RAQQA.key());
        assertTrue(quads.contains(Quad.create(g, g, DCTerms.title.asNode(), NodeFactory.createLiteralString("Report"))));
        assertTrue(quads.contains(Quad.create(IRIS.placesGraph(), raqqa, OWL.sameAs.asNode(), NodeFactory.createURI("https://sws.geonames.org/163345/"))));
        for (Quad q : quads) {
            assertTrue(q.getGraph().equals(g) || q.getGraph().equals(IRIS.placesGraph()), q.toString());
        }
    }

    @Test
    void aTownLiesInItsProvinceAndTheProvinceInTheCountry() {
        GazetteerEntry country = new GazetteerEntry("id/place/syria-163843", EntityKind.PLACE, "Syria", "163843", 35, 38, "SY", 0, "A.PCLI");
        GazetteerEntry province = new GazetteerEntry("id/place/hasakah-governorate", EntityKind.PLACE, "Hasakah Governorate", null,
                36.5, 41, "SY", 0, "A.ADM1", "01");
        GazetteerEntry town = new GazetteerEntry("id/place/qamishli-173377", EntityKind.PLACE, "Qamishli", "173377",
                37.05, 41.23, "SY", 184231, "P.PPLA2", "01");
        // A river's admin1 code places its reference point only: no province for it.
        GazetteerEntry river = new GazetteerEntry("id/place/khabur-river", EntityKind.PLACE, "Khabur River", null,
                36.2, 40.75, "SY", 0, "H.STM", "01");
        // Province 04 is not in this gazetteer: the town lies in its country only.
        GazetteerEntry unplaced = new GazetteerEntry("id/place/tell-abyad-163750", EntityKind.PLACE, "Tell Abyad", "163750",
                36.7, 38.95, "SY", 44000, "P.PPLA2", "04");
        Gazetteer g = new Gazetteer.Builder()
                .add(country, "Syria", Gazetteer.NameForm.NAME)
                .add(province, "Hasakah Governorate", Gazetteer.NameForm.NAME)
                .add(town, "Qamishli", Gazetteer.NameForm.NAME)
                .add(river, "Khabur River", Gazetteer.NameForm.NAME)
                .add(unplaced, "Tell Abyad", Gazetteer.NameForm.NAME)
                .build();
        Document d = DocumentReader.fromText("Shelling near Qamishli. The Khabur River rose. Tell Abyad was quiet.", "q.txt");
        List<Quad> quads = new ArrayList<>();
        new DocumentMapper(IRIS, g).map(Pipeline.standard(g).analyze(d), new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                quads.add(q);
            }
        });
        Node pg = IRIS.placesGraph();
        java.util.Set<String> locatedIn = new java.util.TreeSet<>();
        for (Quad q : quads) {
            if (q.getPredicate().equals(CKG.locatedIn)) {
                assertEquals(pg, q.getGraph(), "hierarchy facts belong to the places graph: " + q);
                locatedIn.add(q.getSubject().getURI().replace(IRIS.base(), "")
                        + " in " + q.getObject().getURI().replace(IRIS.base(), ""));
            }
        }
        assertEquals(new java.util.TreeSet<>(List.of(
                // Only direct containment: the town in its country follows by transitivity.
                "id/place/qamishli-173377 in id/place/hasakah-governorate",
                "id/place/hasakah-governorate in id/place/syria-163843",
                "id/place/khabur-river in id/place/syria-163843",
                "id/place/tell-abyad-163750 in id/place/syria-163843")), locatedIn);
        // The province is described although the text never names it.
        assertTrue(quads.contains(Quad.create(pg, IRIS.entity(province.key()), org.apache.jena.vocabulary.SKOS.prefLabel.asNode(),
                NodeFactory.createLiteralLang("Hasakah Governorate", "en"))));
    }

    @Test
    void mappingTheSameTextTwiceGivesTheSameQuads() {
        Document a = DocumentReader.fromText("Shelling in Raqqa. Raqqa again.", "a.txt");
        Document b = DocumentReader.fromText("Shelling in Raqqa. Raqqa again.", "a.txt");
        assertEquals(new java.util.HashSet<>(map(a)), new java.util.HashSet<>(map(b)));
    }

    @Test
    void aQuotationIsNamedByItsWordsAndAttestedByItsSpanInTheDocument() {
        String body = "Raqqa fell, \u201cWe are moving fast,\u201d she said.";
        Document d = DocumentReader.fromText(body, "q.txt");
        AnalyzedDocument a = new AnalyzedDocument(d);
        int s = body.indexOf("We");
        int e = body.indexOf(",\u201d");
        a.addQuotation(new org.conflictkg.extract.Quotation(org.conflictkg.extract.Quotation.Kind.DIRECT,
                List.of(new org.conflictkg.extract.Span(s, e)), null, null, "id/person/jane-roe", "a spokeswoman", null, null, "say"));
        a.addQuotation(org.conflictkg.extract.Quotation.unattributed(org.conflictkg.extract.Quotation.Kind.REPORTED,
                List.of(new org.conflictkg.extract.Span(0, 11))));
        DatasetGraph ds = DatasetGraphFactory.create();
        new DocumentMapper(IRIS, GAZETTEER).map(a, new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                ds.add(q);
            }
        });
        Node g = IRIS.document(d.contentHash());
        Node quote = IRIS.quotation("we are moving FAST");
        assertTrue(ds.contains(g, quote, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Quotation));
        assertTrue(ds.contains(g, quote, CKG.speaker, IRIS.entity("id/person/jane-roe")));
        Node att = Iris.span(g, s, e);
        assertTrue(ds.contains(g, quote, CKG.attestedBy, att));
        assertTrue(ds.contains(g, att, CKG.exact, NodeFactory.createLiteralString("We are moving fast")));
        assertTrue(ds.contains(g, att, CKG.document, g));
        Node statement = IRIS.statement("Raqqa fell");
        assertTrue(ds.contains(g, statement, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.ReportedStatement));
        assertTrue(ds.contains(g, statement, CKG.unattributed, NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)));
        assertTrue(!ds.contains(g, statement, CKG.speaker, Node.ANY));
    }
}
