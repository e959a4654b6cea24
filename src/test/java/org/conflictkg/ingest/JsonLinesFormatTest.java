package org.conflictkg.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesFormatTest {

    /** Collects what a reader emits: documents and rejections, separately. */
    static final class Collector implements DocumentSink {
        final List<Document> documents = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void accept(Document document) {
            documents.add(document);
        }

        @Override
        public void reject(Rejection rejection) {
            rejections.add(rejection);
        }
    }

    private static Collector read(String jsonl, FieldMapping fields) throws IOException {
        Collector c = new Collector();
        JsonLinesFormat.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "in.jsonl", fields, c);
        return c;
    }

    @Test
    void readsOneArticlePerLineWithItsFields() throws IOException {
        Collector c = read("""
                {"id": "a1", "title": "T1", "date": "2016-01-02", "source": "Wire", "url": "https://x.org/1", "text": "First article."}

                {"id": 7, "title": "T2", "text": "Second article.", "author": ["A", "B"]}
                """, FieldMapping.defaults());
        assertEquals(2, c.documents.size());
        assertTrue(c.rejections.isEmpty());
        Document first = c.documents.get(0);
        assertEquals("First article.", first.text());
        assertEquals("a1", first.metadata().externalId());
        assertEquals("in.jsonl#line=1", first.metadata().fileName());
        assertEquals("in.jsonl#line=3", c.documents.get(1).metadata().fileName());
        assertEquals("7", c.documents.get(1).metadata().externalId());
        assertEquals("A, B", c.documents.get(1).metadata().author());
    }

    @Test
    void mapsOtherFieldNames() throws IOException {
        Collector c = read("{\"content_original\": \"Body.\", \"title\": \"T\"}\n",
                FieldMapping.defaults().with(List.of("text=content_original")));
        assertEquals("Body.", c.documents.get(0).text());
    }

    @Test
    void rejectsABadLineByNumberAndReadsTheOthers() throws IOException {
        Collector c = read("{\"text\": \"Good one.\"}\n{not json\n[1,2]\n{\"title\": \"no text\"}\n{\"text\": \"Good two.\"}\n",
                FieldMapping.defaults());
        assertEquals(List.of("Good one.", "Good two."), c.documents.stream().map(Document::text).toList());
        assertEquals(List.of(2L, 3L, 4L), c.rejections.stream().map(Rejection::line).toList());
        assertTrue(c.rejections.get(0).reason().startsWith("not JSON"));
        assertTrue(c.rejections.get(1).reason().contains("array"));
        assertTrue(c.rejections.get(2).reason().contains("--field text="));
    }

    @Test
    void aBadFieldOverrideNamesTheRoles() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FieldMapping.defaults().with(List.of("body=content")));
        assertTrue(e.getMessage().contains("text"));
    }
}
