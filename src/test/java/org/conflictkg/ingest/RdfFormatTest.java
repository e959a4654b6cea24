package org.conflictkg.ingest;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RDF files as the reader dispatches them by extension: what is delivered, what is rejected and where. */
class RdfFormatTest {

    private static final String BASE = "http://kg.example/";
    private static final String CKG = "https://w3id.org/conflict-kg/ontology#";

    /** Collects documents, RDF files and rejections separately. */
    static final class Collector implements DocumentSink {
        final List<Document> documents = new ArrayList<>();
        final List<RdfFile> rdf = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void accept(Document document) {
            documents.add(document);
        }

        @Override
        public void reject(Rejection rejection) {
            rejections.add(rejection);
        }

        @Override
        public void acceptRdf(RdfFile file) {
            rdf.add(file);
        }
    }

    private static Collector read(Path... paths) throws IOException {
        Collector c = new Collector();
        new DocumentReader().withRdfBase(BASE).read(List.of(paths), c);
        return c;
    }

    @Test
    void eachRdfSyntaxIsReadByItsExtensionWithRelativeIrisAgainstTheStoreBase(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.ttl"), "@prefix ckg: <" + CKG + "> .\n<id/actor/x> a ckg:State .\n");
        Files.writeString(dir.resolve("b.nt"), "<http://e.org/s> <http://e.org/p> \"o\" .\n");
        Files.writeString(dir.resolve("c.nq"), "<http://e.org/s> <http://e.org/p> <http://e.org/o> <http://e.org/g1> .\n"
                + "<http://e.org/s> <http://e.org/p> <http://e.org/o> <http://e.org/g2> .\n");
        Files.writeString(dir.resolve("d.trig"), "<http://e.org/g> { <http://e.org/s> <http://e.org/p> 1 . }\n");
        Files.writeString(dir.resolve("e.jsonld"), "{\"@context\": {\"name\": \"http://schema.org/name\"}, \"@id\": \"http://e.org/x\", \"name\": \"X\"}");
        Files.writeString(dir.resolve("f.txt"), "An article beside them.");
        Collector c = read(dir);
        assertEquals(List.of("a.ttl", "b.nt", "c.nq", "d.trig", "e.jsonld"), c.rdf.stream().map(RdfFile::fileName).toList());
        assertEquals(1, c.documents.size());
        assertTrue(c.rejections.isEmpty(), c.rejections.toString());
        assertEquals(Triple.create(NodeFactory.createURI(BASE + "id/actor/x"), NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI(CKG + "State")), c.rdf.get(0).triples().get(0));
        // The same triple in two graphs of an N-Quads file is one triple of the file's graph.
        assertEquals(1, c.rdf.get(2).triples().size());
        assertEquals(1, c.rdf.get(4).triples().size());
        assertNotEquals(c.rdf.get(0).contentHash(), c.rdf.get(1).contentHash());
    }

    @Test
    void badRdfIsRejectedWithItsFileAndLineAndTheOtherFilesStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.ttl"), "@prefix ex: <http://e.org/> .\nex:a ex:b ex:c .\nex:d ex:e ex:f ex:g .\n");
        Files.writeString(dir.resolve("good.nt"), "<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n");
        Files.writeString(dir.resolve("bad.nt"), "<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n<http://e.org/s> <http://e.org/p>\n");
        Files.writeString(dir.resolve("empty.trig"), "");
        Files.writeString(dir.resolve("prefixes-only.ttl"), "@prefix ex: <http://e.org/> .\n");
        Collector c = read(dir);
        assertEquals(List.of("good.nt"), c.rdf.stream().map(RdfFile::fileName).toList());
        assertEquals(List.of("bad.nt", "bad.ttl", "empty.trig", "prefixes-only.ttl"), c.rejections.stream().map(Rejection::file).toList());
        assertEquals(3, c.rejections.get(1).line(), c.rejections.get(1).toString());
        assertTrue(c.rejections.get(1).toString().startsWith("bad.ttl:3: not valid Turtle"), c.rejections.get(1).toString());
        assertTrue(c.rejections.get(0).line() >= 2, c.rejections.get(0).toString());
        assertTrue(c.rejections.get(2).reason().contains("empty"));
        assertTrue(c.rejections.get(3).reason().contains("no triples"));
    }

    @Test
    void aJsonLdFileWithARemoteContextIsRejectedWithoutFetchingIt(@TempDir Path dir) throws IOException {
        // An address nothing answers at: the rejection must come from refusing, not from a timeout.
        Path f = Files.writeString(dir.resolve("remote.jsonld"), "{\"@context\": \"http://192.0.2.1/context.jsonld\", \"@id\": \"http://e.org/x\", \"name\": \"X\"}");
        long t0 = System.nanoTime();
        Collector c = read(f);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the context was not fetched");
        assertEquals(1, c.rejections.size());
        assertTrue(c.rejections.get(0).reason().contains("not fetched"), c.rejections.get(0).toString());
    }

    @Test
    void aSinkWithNoUseForRdfRejectsIt(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("a.ttl"), "<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n");
        JsonLinesFormatTest.Collector c = new JsonLinesFormatTest.Collector();
        new DocumentReader().read(List.of(f), c);
        assertEquals(1, c.rejections.size());
        assertTrue(c.rejections.get(0).reason().contains("only kg load takes RDF files"));
    }
}
