package org.conflictkg.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signature log is trusted only up to a whole commit carrying the store's token, and only as the file's last. */
class SignatureLogTest {

    private static List<String> replayed(SignatureLog log, String token, long[] valid) {
        List<String> out = new ArrayList<>();
        valid[0] = log.replay(token, (kind, iri, sig) -> out.add((char) kind + " " + iri + " " + sig));
        return out;
    }

    /** A log with two commits, t1 (a document and a quotation) and t2 (a statement). */
    private static SignatureLog twoCommits(Path dir) throws IOException {
        SignatureLog log = new SignatureLog(dir, "w5 c6");
        try (SignatureLog.Appender a = log.rewrite()) {
            a.entry(SignatureLog.DOCUMENT, "urn:d1", "sig-d1");
            a.entry(SignatureLog.QUOTATION, "urn:q1", "sig-q1");
            a.commit("t1");
            a.entry(SignatureLog.STATEMENT, "urn:s1", "");
            a.commit("t2");
        }
        return log;
    }

    @Test
    void replaysEveryEntryUpToTheStoresCommitInOrder(@TempDir Path dir) throws IOException {
        SignatureLog log = twoCommits(dir);
        long[] valid = {0};
        assertEquals(List.of("D urn:d1 sig-d1", "Q urn:q1 sig-q1", "S urn:s1 "), replayed(log, "t2", valid));
        assertEquals(Files.size(log.file()), valid[0]);
    }

    @Test
    void aStoreThatNamesAnotherCommitOrNoneRebuilds(@TempDir Path dir) throws IOException {
        SignatureLog log = twoCommits(dir);
        long[] valid = {0};
        replayed(log, "t3", valid); // the store committed after the log's last append: a crash in between
        assertEquals(-1, valid[0]);
        replayed(log, null, valid); // a store written before logs were kept
        assertEquals(-1, valid[0]);
        replayed(log, "t1", valid); // the log is ahead of the store: a store restored from a backup
        assertEquals(-1, valid[0]);
    }

    @Test
    void aLogWrittenWithOtherParametersIsNotUsed(@TempDir Path dir) throws IOException {
        twoCommits(dir);
        long[] valid = {0};
        replayed(new SignatureLog(dir, "w5 c7"), "t2", valid);
        assertEquals(-1, valid[0]);
    }

    @Test
    void anUncommittedTailIsIgnoredAndCutOffBeforeTheNextAppend(@TempDir Path dir) throws IOException {
        SignatureLog log = twoCommits(dir);
        long whole = Files.size(log.file());
        // A load that wrote entries and then failed before its transaction committed, mid-record.
        try (SignatureLog.Appender a = log.appendAfter(whole)) {
            a.entry(SignatureLog.DOCUMENT, "urn:d2", "sig-d2");
        }
        Files.write(log.file(), new byte[] {'E', 'D', 0, 0}, StandardOpenOption.APPEND);
        long[] valid = {0};
        assertEquals(3, replayed(log, "t2", valid).size());
        assertEquals(whole, valid[0]);
        try (SignatureLog.Appender a = log.appendAfter(valid[0])) {
            assertFalse(a.hasUncommitted());
            a.entry(SignatureLog.DOCUMENT, "urn:d3", "sig-d3");
            assertTrue(a.hasUncommitted());
            a.commit("t3");
        }
        List<String> after = replayed(log, "t3", valid);
        assertEquals(List.of("D urn:d1 sig-d1", "Q urn:q1 sig-q1", "S urn:s1 ", "D urn:d3 sig-d3"), after);
    }

    @Test
    void aDamagedCommitIsCaughtByItsChecksum(@TempDir Path dir) throws IOException {
        SignatureLog log = twoCommits(dir);
        byte[] bytes = Files.readAllBytes(log.file());
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("sig-q1");
        bytes[at] = 'S';
        Files.write(log.file(), bytes);
        long[] valid = {0};
        replayed(log, "t2", valid);
        assertEquals(-1, valid[0]);
    }

    @Test
    void aNewLogReplacesTheOldOnlyWhenItCommits(@TempDir Path dir) throws IOException {
        SignatureLog log = twoCommits(dir);
        long[] valid = {0};
        try (SignatureLog.Appender a = log.rewrite()) {
            a.entry(SignatureLog.DOCUMENT, "urn:d9", "sig-d9");
            // Not committed: the old file is still the log.
            assertEquals(3, replayed(log, "t2", valid).size());
            a.commit("t9");
        }
        assertEquals(List.of("D urn:d9 sig-d9"), replayed(log, "t9", valid));
        assertEquals(Files.size(log.file()), valid[0]);
        log.discard();
        assertFalse(Files.exists(log.file()));
    }
}
