package org.conflictkg.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.conflictkg.cli.CliTest.kg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code kg eval attribution} on {@code src/test/resources/eval/gold-mini}: two texts written
 * and annotated for this test, one of them by two annotators.
 *
 * <p>The gold counts follow from the annotations: text a has 5 attributions (2 direct: the
 * headline's "No deal yet" and the two-part quotation), text b has 5, of which one has no content
 * (2 direct: the single-quoted one and the one continued over two paragraphs). The second
 * annotator of a has 1 attribution and is left out. The figure rows are the standard pipeline's on
 * this corpus: it misses the headline's quotation (a caption-style quote with no speaker) and two
 * reports whose cue is not a verb of speech ("believe ... according to", no cue at all); they change
 * when the extractor does, and are to be updated with it.
 */
class EvalCommandTest {

    static final String MINI = Path.of("src", "test", "resources", "eval", "gold-mini").toString();

    static final String HEADER = "                    gold  predicted  matched  precision  recall     F1  source accuracy";
    static final String DIRECT = "direct quotations      4          3        3      1.000   0.750  0.857   1.000 (3/3)";
    static final String ALL = "all attributions       9          6        6      1.000   0.667  0.800   1.000 (6/6)";

    @TempDir
    Path tmp;

    @Test
    void printsTheFiguresOfAGoldFolder() {
        CliTest.Run r = kg("eval", "attribution", "--gold", MINI);
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out().replace("\r\n", "\n");
        assertTrue(out.contains(": 2 annotated texts, 3 annotation files (1 by further annotators left out: the first by name is used)\n"), out);
        assertTrue(out.contains("scored: 2 texts; gold: 10 attributions, 1 without content (not scored)\n"), out);
        assertTrue(out.contains(HEADER + "\n" + DIRECT + "\n" + ALL + "\n"), out);
        assertTrue(!out.contains("missed"), "no examples unless asked for");
    }

    @Test
    void limitScoresTheFirstTextsAndShowErrorsPrintsExamplesWithFileOffsets() {
        CliTest.Run r = kg("eval", "attribution", "--gold", MINI, "--limit", "1", "--show-errors", "2");
        assertEquals(ExitCode.OK, r.code(), r.err());
        String out = r.out().replace("\r\n", "\n");
        assertTrue(out.contains("scored: 1 texts; gold: 5 attributions, 0 without content (not scored)\n"), out);
        assertTrue(out.contains("direct quotations      2          1        1"), out);
        assertTrue(out.contains("all attributions       5          3        3"), out);
        assertTrue(out.contains("missed (gold content no prediction matches): 2, first 2 shown\n"
                + "  a.txt 17-30 direct   \"No deal yet\"   source: (none)\n"
                + "  a.txt 296-315 indirect the truce will hold   source: Local officials\n"), out);
        assertTrue(out.contains("spurious (predicted content matching no gold): 0, first 0 shown\n"), out);
    }

    @Test
    void errorsDirectShowsOnlyTheErrorsOfDirectQuotations() {
        CliTest.Run r = kg("eval", "attribution", "--gold", MINI, "--limit", "1", "--show-errors", "5", "--errors", "direct");
        assertEquals(ExitCode.OK, r.code(), r.err());
        String out = r.out().replace("\r\n", "\n");
        assertTrue(out.contains("missed (gold content no prediction matches, direct quotations): 1, first 1 shown\n"
                + "  a.txt 17-30 direct   \"No deal yet\"   source: (none)\n"), out);
        assertTrue(!out.contains("the truce will hold"), "an indirect attribution is not a direct quotation's error");
        assertTrue(out.contains("spurious (predicted content matching no gold, direct quotations): 0, first 0 shown\n"), out);
    }

    @Test
    void aBadFileIsRejectedWithItsLineAndTheRestIsScored() throws IOException {
        Path gold = copyOfMini();
        Files.writeString(gold.resolve("text").resolve("c.txt"), "She said \"go\".\n");
        Files.writeString(gold.resolve("attributions").resolve("c_aaaa.ann"), "T1\tContent 10 12\tgo\nT2\tCue 4 9\tsaid\n");
        Files.writeString(gold.resolve("attributions").resolve("d_aaaa.ann"), "");
        CliTest.Run r = kg("eval", "attribution", "--gold", gold.toString());
        assertEquals(ExitCode.INPUT_REJECTED, r.code(), r.err());
        assertTrue(r.err().contains("rejected: c_aaaa.ann:2: T2 records \"said\" but the text at 4 9 reads \"said \""), r.err());
        assertTrue(r.err().contains("rejected: d_aaaa.ann: no text for it in the gold folder (d_aaaa.txt or d.txt)"), r.err());
        String out = r.out().replace("\r\n", "\n");
        assertTrue(out.contains("2 files rejected (see the messages above)\n"), out);
        assertTrue(out.contains(HEADER + "\n" + DIRECT + "\n" + ALL + "\n"), out);
    }

    @Test
    void usageErrorsExitOneAndNameTheFix() throws IOException {
        assertUsage("name what to evaluate: attribution", "eval", "--gold", MINI);
        assertUsage("name what to evaluate: attribution", "eval", "quotes", "--gold", MINI);
        assertUsage("--gold nowhere-at-all: no such folder", "eval", "attribution", "--gold", "nowhere-at-all");
        assertUsage("--limit 0: expected a whole number of at least 1", "eval", "attribution", "--gold", MINI, "--limit", "0");
        assertUsage("--show-errors many: expected a whole number of at least 0", "eval", "attribution", "--gold", MINI, "--show-errors", "many");
        assertUsage("--errors some: expected all or direct", "eval", "attribution", "--gold", MINI, "--errors", "some");
        assertUsage("no .txt texts found", "eval", "attribution", "--gold", tmp.toString());
    }

    private static void assertUsage(String message, String... args) {
        CliTest.Run r = kg(args);
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    private Path copyOfMini() throws IOException {
        Path to = tmp.resolve("gold");
        try (Stream<Path> files = Files.walk(Path.of(MINI))) {
            for (Path p : files.toList()) {
                Path target = to.resolve(Path.of(MINI).relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
