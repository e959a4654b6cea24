package org.conflictkg.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot is read only whole, at the commit it was taken at, and nothing of a damaged one is parsed. */
class IndexSnapshotTest {

    /** Writes a count and that many values; reading records what it got. */
    private static final class Numbers implements IndexSnapshot.State {
        final List<Long> read = new ArrayList<>();
        boolean parsed;

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeInt(1000);
            for (long i = 0; i < 1000; i++) {
                out.writeLong(i * i);
            }
        }

        @Override
        public void read(DataInputStream in) throws IOException {
            parsed = true;
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                read.add(in.readLong());
            }
        }
    }

    @Test
    void readsBackWhatWasWrittenAtTheSameCommit(@TempDir Path dir) {
        IndexSnapshot s = new IndexSnapshot(dir, "w5 c6");
        s.write("t1", 4242, new Numbers());
        Numbers back = new Numbers();
        assertEquals(4242, s.read("t1", back));
        assertEquals(1000, back.read.size());
        assertEquals(999L * 999L, back.read.get(999));
    }

    @Test
    void anotherCommitOrOtherParametersArePassedOver(@TempDir Path dir) {
        new IndexSnapshot(dir, "w5 c6").write("t1", 10, new Numbers());
        assertEquals(-1, new IndexSnapshot(dir, "w5 c6").read("t2", new Numbers()));
        assertEquals(-1, new IndexSnapshot(dir, "w5 c6").read(null, new Numbers()));
        assertEquals(-1, new IndexSnapshot(dir, "w5 c7").read("t1", new Numbers()));
        assertEquals(-1, new IndexSnapshot(dir.resolve("none"), "w5 c6").read("t1", new Numbers()));
    }

    @Test
    void aDamagedOrCutSnapshotIsNotParsedAtAll(@TempDir Path dir) throws IOException {
        IndexSnapshot s = new IndexSnapshot(dir, "w5 c6");
        s.write("t1", 10, new Numbers());
        Path file = dir.resolve(IndexSnapshot.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        // The count a damaged file would trust to size its arrays: caught by the checksum first.
        byte[] damaged = whole.clone();
        int count = whole.length - Long.BYTES - 1000 * Long.BYTES - Integer.BYTES;
        damaged[count] = 0x7F;
        Files.write(file, damaged);
        Numbers back = new Numbers();
        assertEquals(-1, s.read("t1", back));
        assertFalse(back.parsed);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertEquals(-1, s.read("t1", back));
        assertFalse(back.parsed);
        Files.write(file, whole);
        assertEquals(10, s.read("t1", back));
        assertTrue(back.parsed);
        s.discard();
        assertFalse(Files.exists(file));
    }
}
