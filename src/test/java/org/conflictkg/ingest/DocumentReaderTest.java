package org.conflictkg.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentReaderTest {

    @Test
    void readsAFolderRecursivelyInNameOrderAndRejectsBadFilesByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.txt"), "Title: B\n\nSecond.");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.html"), "<p>Third.</p>");
        Files.writeString(dir.resolve("a.txt"), "First.");
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("image.txt"), new byte[] {1, 2, 0, 3});
        Files.writeString(dir.resolve("notes.md"), "ignored in a folder");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("d.jsonl.gz")))) {
            out.write("{\"text\": \"Fourth.\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        JsonLinesFormatTest.Collector c = new JsonLinesFormatTest.Collector();
        new DocumentReader().read(List.of(dir), c);

        assertEquals(List.of("First.", "Second.", "Fourth.", "Third."), c.documents.stream().map(Document::text).toList());
        assertEquals("sub/c.html", c.documents.get(3).metadata().fileName());
        assertEquals(List.of("empty.txt", "image.txt", "latin1.txt"), c.rejections.stream().map(Rejection::file).toList());
        assertTrue(c.rejections.get(0).reason().contains("empty"));
        assertTrue(c.rejections.get(1).reason().contains("binary"));
        assertTrue(c.rejections.get(2).reason().contains("UTF-8"));
    }

    @Test
    void anExplicitFileOfUnknownTypeOrAMissingPathIsRejected(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("report.pdf");
        Files.writeString(pdf, "%PDF");
        JsonLinesFormatTest.Collector c = new JsonLinesFormatTest.Collector();
        new DocumentReader().read(List.of(pdf, dir.resolve("missing.txt")), c);
        assertEquals(2, c.rejections.size());
        assertTrue(c.rejections.get(0).reason().contains("unknown file type"));
        assertTrue(c.rejections.get(1).reason().contains("no such file"));
    }

    @Test
    void theSameTextHasTheSameHashWhateverItsFile() {
        Document a = DocumentReader.fromText("Title: A\n\nSame words.", "a.txt");
        Document b = DocumentReader.fromText("Title: B\nSource: Other\n\nSame words.", "b.txt");
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(64, a.contentHash().length());
    }
}
