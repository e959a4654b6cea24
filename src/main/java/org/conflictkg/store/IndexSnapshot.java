package org.conflictkg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The reuse indexes as a load left them, hash tables and all, in a file beside the store: reading
 * it back is a pass over its bytes, where replaying the {@link SignatureLog} re-inserts every item
 * (16 million LSH entries at 37,000 articles, several seconds of cache misses).
 *
 * <p>A second cache over the log, trusted less: it names the store commit (token) and the log
 * length it was taken at, and is used only when the store still names that commit and the log
 * still ends there; it carries a CRC-32 of its content, checked in a pass of its own before any of
 * it is parsed; it is written to a staging file and moved into place whole. Anything else and the
 * load replays the log instead.
 *
 * <p>Format: magic, version, the reuse parameters' tags, token, log length; the state (written and
 * read by the caller); a CRC-32 of all the bytes before it.
 */
final class IndexSnapshot {

    /** Writes or reads the indexes themselves. */
    interface State {
        void write(DataOutputStream out) throws IOException;

        void read(DataInputStream in) throws IOException;
    }

    static final String FILE_NAME = "reuse-index.snapshot";
    private static final String MAGIC = "conflict-kg reuse index snapshot";
    private static final int VERSION = 2; // 2: IRIs as arrays (IriTable)

    private final Path file;
    private final Path staging;
    private final String parameters;

    IndexSnapshot(Path storeDir, String parameters) {
        this.file = storeDir.resolve(FILE_NAME);
        this.staging = storeDir.resolve(FILE_NAME + ".new");
        this.parameters = parameters;
    }

    /**
     * Reads the state into {@code state} when the snapshot was taken at {@code token}, and returns
     * the log length it was taken at; or returns -1, {@code state} perhaps half read, when there is
     * no such snapshot whole.
     */
    long read(String token, State state) {
        if (token == null || !intact()) {
            return -1;
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION || !parameters.equals(in.readUTF())
                    || !token.equals(in.readUTF())) {
                return -1;
            }
            long logLength = in.readLong();
            state.read(in);
            in.readLong(); // the checksum, checked before
            return in.read() == -1 ? logLength : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Whether the file's last eight bytes are the CRC-32 of the rest. Checked in a pass of its own
     * before anything is parsed, so that a damaged length field is never trusted to size an array.
     */
    private boolean intact() {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < Long.BYTES) {
                return false;
            }
            CRC32 crc = new CRC32();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(1 << 20);
            long position = 0;
            long body = size - Long.BYTES;
            while (position < body) {
                b.clear();
                b.limit((int) Math.min(b.capacity(), body - position));
                int n = ch.read(b, position);
                if (n <= 0) {
                    return false;
                }
                b.flip();
                crc.update(b);
                position += n;
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(Long.BYTES);
            while (tail.hasRemaining() && ch.read(tail, body + tail.position()) > 0) {
                // read the stored checksum
            }
            tail.flip();
            return tail.remaining() == Long.BYTES && tail.getLong() == crc.getValue();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the state as taken at {@code token} and {@code logLength}; on failure leaves no snapshot. */
    void write(String token, long logLength, State state) {
        try {
            try (OutputStream raw = Files.newOutputStream(staging);
                 CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
                 DataOutputStream out = new DataOutputStream(checked)) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(parameters);
                out.writeUTF(token);
                out.writeLong(logLength);
                state.write(out);
                out.writeLong(checked.getChecksum().getValue());
            }
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            discard();
        }
    }

    /** Removes the snapshot: the next load replays the log. */
    void discard() {
        try {
            Files.deleteIfExists(staging);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Caught by its token or its checksum all the same.
        }
    }
}
