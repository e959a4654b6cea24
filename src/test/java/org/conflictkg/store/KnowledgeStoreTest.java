package org.conflictkg.store;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.graph.Node;
import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.EntityKind;
import org.conflictkg.extract.ExtractionStage;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerEntry;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeStoreTest {

    private static final GazetteerEntry MOSUL = new GazetteerEntry("id/place/mosul-99072", EntityKind.PLACE, "Mosul", "99072", 36.335, 43.11889, "IQ", 1739800, "P.PPLA");
    private static final Gazetteer GAZETTEER = new Gazetteer.Builder().add(MOSUL, "Mosul", Gazetteer.NameForm.NAME).build();

    private static LoadReport load(KnowledgeStore store, Path input) throws IOException {
        return store.load(List.of(input), new DocumentReader(), Pipeline.standard(GAZETTEER),
                new DocumentMapper(store.iris(), GAZETTEER), LoadListener.SILENT);
    }

    private static long quads(KnowledgeStore store) {
        return store.read(d -> {
            long n = 0;
            var it = d.find();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    @Test
    void loadingTheSameTextsTwiceAddsNothing(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 0; i < 150; i++) {
            // More documents than two batches hold, so a batch is written while the next is analysed.
            Files.writeString(in.resolve(String.format("a%03d.txt", i)), "Report " + i + ". Fighting near Mosul.");
        }
        Files.writeString(in.resolve("copy.txt"), "Report 7. Fighting near Mosul.");
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            assertTrue(store.hasNoDocuments());
            LoadReport first = load(store, in);
            assertEquals(151, first.read());
            assertEquals(150, first.added());
            assertEquals(1, first.alreadyPresent());
            long after = quads(store);
            LoadReport second = load(store, in);
            assertEquals(0, second.added());
            assertEquals(151, second.alreadyPresent());
            assertEquals(after, quads(store));
            assertFalse(store.hasNoDocuments());
        }
    }

    @Test
    void aPlaceMentionedByManyDocumentsIsDescribedOnceAndEveryQuadWrittenIsNew(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(in.resolve("a" + i + ".txt"), "Report " + i + ". Fighting near Mosul.");
        }
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            long before = quads(store);
            LoadReport r = load(store, in);
            assertEquals(3, r.added());
            // What the load wrote, less the store's own bookkeeping (the signature log's token).
            long bookkeeping = store.read(d -> (long) d.getGraph(store.iris().storeGraph()).size());
            assertEquals(quads(store) - before - bookkeeping, r.quads(), "a quad written twice");
            Node mosul = store.iris().entity(MOSUL.key());
            boolean described = store.read(d -> d.contains(store.iris().placesGraph(), mosul, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Place));
            assertTrue(described);
        }
    }

    @Test
    void compactingKeepsEveryQuadAndTheStoreStaysUsable(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Shelling in Mosul.");
        Files.writeString(in.resolve("b.txt"), "Fighting near Raqqa.");
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            long before = quads(store);
            store.compact();
            assertEquals(before, quads(store));
            Files.writeString(in.resolve("c.txt"), "Airstrikes on Aleppo.");
            assertEquals(1, load(store, in).added());
        }
    }

    @Test
    void queriesSeeAllGraphsAsTheDefaultGraph(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Shelling in Mosul.");
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            long rows = store.read(d -> {
                // The mention is in the document's graph, the place's label in the places graph and
                // the class in the ontology graph: one pattern joins all three.
                String q = """
                        PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                        SELECT * { ?m ckg:refersTo ?p . ?p a ?c ; skos:prefLabel "Mosul"@en . ?c rdfs:label ?l }""";
                try (QueryExec e = QueryExec.dataset(d).query(QueryFactory.create(q)).build()) {
                    long n = 0;
                    var rs = e.select();
                    while (rs.hasNext()) {
                        rs.next();
                        n++;
                    }
                    return n;
                }
            });
            assertEquals(1, rows);
        }
    }

    @Test
    void aStoreReopensWithItsDocuments(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Shelling in Mosul.");
        long before;
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            before = quads(store);
        }
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            assertEquals(before, quads(store));
        }
    }

    @Test
    void aDocumentWhoseAnalysisFailsIsRejectedByNameAndTheOthersLoad(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Shelling in Mosul.");
        Files.writeString(in.resolve("b.txt"), "A text that trips an extractor.");
        Files.writeString(in.resolve("c.jsonl"), "{\"text\": \"Fighting in Mosul.\"}\n{\"text\": \"It trips again.\"}\n");
        ExtractionStage trips = new ExtractionStage() {
            @Override
            public String name() {
                return "trips";
            }

            @Override
            public void process(AnalyzedDocument doc) {
                if (doc.text().contains("trips")) {
                    throw new IllegalStateException("a bug in an extractor");
                }
            }
        };
        List<ExtractionStage> stages = new java.util.ArrayList<>(Pipeline.standard(GAZETTEER).stages());
        stages.add(trips);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            LoadReport r = store.load(List.of(in), new DocumentReader(), new Pipeline(stages),
                    new DocumentMapper(store.iris(), GAZETTEER), LoadListener.SILENT);
            assertEquals(2, r.added());
            assertEquals(2, r.read());
            assertEquals(List.of("b.txt: could not be analysed (java.lang.IllegalStateException: a bug in an extractor); "
                    + "the other documents were loaded: please report this input", "c.jsonl:2"),
                    List.of(r.rejected().get(0).toString(), r.rejected().get(1).file() + ":" + r.rejected().get(1).line()));
            // Nothing of them is stored: two document graphs, no more.
            long documents = store.read(d -> org.apache.jena.atlas.iterator.Iter.count(
                    d.find(Node.ANY, Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Document)));
            assertEquals(2, documents);
        }
    }
}
