package org.conflictkg.eval;

import org.conflictkg.extract.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldCorpusTest {

    static final Path MINI = Path.of("src", "test", "resources", "eval", "gold-mini");

    @TempDir
    Path tmp;

    @Test
    void aSplitFolderPairsEachTextWithItsFirstAnnotatorByName() throws Exception {
        GoldCorpus corpus = GoldCorpus.open(MINI);
        assertEquals(List.of("a", "b"), corpus.articles().stream().map(GoldCorpus.Article::name).toList());
        GoldCorpus.Article a = corpus.articles().get(0);
        assertEquals("a_aaaa.ann", a.annotations().getFileName().toString());
        assertEquals(List.of(MINI.resolve("attributions").resolve("a_bbbb.ann")), a.otherAnnotations());
        assertEquals(3, corpus.annotationFiles());
        assertTrue(corpus.unannotatedTexts().isEmpty());
        assertTrue(corpus.unpairedAnnotations().isEmpty());

        // The headline "Ceasefire talks: ..." has a colon but is no header: offsets stay as in the file.
        GoldDocument d = corpus.read(a);
        assertEquals(0, d.textOffset());
        assertEquals(5, d.attributions().size());
        assertEquals("\"No deal yet\"", d.attributions().get(0).content().get(0).of(d.document().text()));
    }

    @Test
    void bratsOwnLayoutHasTextsAndAnnotationsSideBySide() throws Exception {
        Files.writeString(tmp.resolve("x.txt"), "She said \"go\".\n");
        Files.writeString(tmp.resolve("x.ann"), "T1\tContent 10 12\tgo\nT2\tCue 4 8\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n");
        Files.writeString(tmp.resolve("x_zz.ann"), "");
        Files.writeString(tmp.resolve("y.txt"), "Nothing was said.\n");
        Files.writeString(tmp.resolve("z_1.ann"), "");
        GoldCorpus corpus = GoldCorpus.open(tmp);
        assertEquals(1, corpus.articles().size());
        // "x.ann" sorts before "x_zz.ann" ('.' before '_'), so the file without annotator id is used.
        assertEquals(tmp.resolve("x.ann"), corpus.articles().get(0).annotations());
        assertEquals(List.of(tmp.resolve("y.txt")), corpus.unannotatedTexts());
        assertEquals(List.of(tmp.resolve("z_1.ann")), corpus.unpairedAnnotations());
        assertEquals(1, corpus.read(corpus.articles().get(0)).attributions().size());
    }

    @Test
    void aFolderWithoutTextsIsRefusedWithWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldCorpus.open(tmp));
        assertTrue(e.getMessage().contains("expected a PolNeAR split folder (text/ and attributions/)"), e.getMessage());
    }

    @Test
    void spansAreMovedPastAHeaderTheReaderTakesOff() throws Exception {
        // The reader keeps "She said ..." as the document; the annotation counts from the file's start.
        String file = "Title: Road reopens\n\nShe said \"go\".\n";
        int go = file.indexOf("go");
        write("h", file.getBytes(StandardCharsets.UTF_8),
                "T1\tContent " + go + " " + (go + 2) + "\tgo\nT2\tSource 0 5\tTitle\nE1\tAttribution:T1 Content:T1 Source:T2\n");
        GoldDocument d = readOnly();
        assertEquals("She said \"go\".\n", d.document().text());
        assertEquals(21, d.textOffset());
        GoldAttribution g = d.attributions().get(0);
        assertEquals("go", g.content().get(0).of(d.document().text()));
        assertEquals(go, d.fileOffset(g.content().get(0).start()));
        // A span inside the header is clipped to an empty span at the start: it can never match.
        assertEquals(List.of(new Span(0, 0)), g.source());
    }

    @Test
    void aByteOrderMarkCountsAsTheFilesFirstCharacter() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("She said \"go\".\n".getBytes(StandardCharsets.UTF_8));
        write("m", bytes.toByteArray(), "T1\tContent 11 13\tgo\nE1\tAttribution:T1 Content:T1\n");
        GoldDocument d = readOnly();
        assertEquals("go", d.attributions().get(0).content().get(0).of(d.document().text()));
        assertEquals(1, d.textOffset());
        assertEquals(11, d.fileOffset(10));
    }

    @Test
    void anUndecodableTextOrABadAnnotationNamesTheFile() throws Exception {
        write("l", "Al-Ba\u00efda was quiet.\n".getBytes(StandardCharsets.ISO_8859_1), "");
        MalformedGoldException e = assertThrows(MalformedGoldException.class, this::readOnly);
        assertEquals("l.txt", e.fileName());
        assertTrue(e.getMessage().startsWith("l.txt: not valid UTF-8 at byte offset 5"), e.getMessage());

        Files.delete(tmp.resolve("l.txt"));
        Files.delete(tmp.resolve("l_a.ann"));
        write("k", "She said \"go\".\n".getBytes(StandardCharsets.UTF_8), "T1\tContent 10 12\tgo\nE1\tAttribution:T1 Content:T7\n");
        e = assertThrows(MalformedGoldException.class, this::readOnly);
        assertEquals("k_a.ann:2: E1 refers to T7, which is not a text span of this file", e.getMessage());
    }

    @Test
    void anEmptyAnnotationFileMeansNoAttributions() throws Exception {
        write("e", "Nothing was said.\n".getBytes(StandardCharsets.UTF_8), "\n");
        assertEquals(List.of(), readOnly().attributions());
    }

    private void write(String article, byte[] text, String annotations) throws IOException {
        Files.write(tmp.resolve(article + ".txt"), text);
        Files.writeString(tmp.resolve(article + "_a.ann"), annotations);
    }

    private GoldDocument readOnly() throws IOException, MalformedGoldException {
        GoldCorpus corpus = GoldCorpus.open(tmp);
        assertEquals(1, corpus.articles().size());
        return corpus.read(corpus.articles().get(0));
    }
}
