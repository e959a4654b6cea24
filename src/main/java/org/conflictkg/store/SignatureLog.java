package org.conflictkg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The reuse indexes' entries (each stored document's, quotation's and statement's signature) kept
 * in a file beside the store, so that a load indexes the store by reading one file front to back
 * instead of looking up half a million signature literals scattered through TDB2's node table, a
 * cost that grew with the store until it dominated a small load into a large one.
 *
 * <p>The file is a cache of what the store holds, never the only copy: every entry is also a
 * {@code ckg:minHashSignature} or {@code ckg:quotationSignature} quad. It is append-only, in
 * commits: the entries a write transaction stored, then a commit marker carrying a token and a
 * CRC-32 of the commit's bytes. The same token is written into the store inside that transaction
 * ({@code ckg:signatureLogToken}), and the marker is appended only after the transaction commits.
 * So the file is usable exactly when its last whole commit carries the store's token; after a
 * crash between the store's commit and the append, a torn append, a store restored from a backup,
 * or other reuse parameters, the token or the CRC does not match and the caller rebuilds the file
 * from the store. Bytes after the matching marker (a transaction that never committed) are
 * ignored, and cut off before the next append.
 *
 * <p>Format: a header (magic, version, the reuse parameters' tags), then records: {@code 'E'},
 * kind, IRI, signature as {@code ReuseCriteria#encodeSignature} writes it; or {@code 'C'}, token,
 * CRC-32 of the bytes since the previous marker (or the header). Strings are an int length and
 * UTF-8 bytes. Not thread-safe: the load's single writer uses it.
 */
final class SignatureLog {

    /** Receives one indexed item: its kind ({@link #DOCUMENT}, {@link #QUOTATION}, {@link #STATEMENT}), IRI and stored signature. */
    interface Sink {
        void entry(byte kind, String iri, String signature);
    }

    static final byte DOCUMENT = 'D';
    static final byte QUOTATION = 'Q';
    static final byte STATEMENT = 'S';

    static final String FILE_NAME = "reuse-signatures.log";
    private static final String MAGIC = "conflict-kg signature log";
    private static final int VERSION = 1;
    private static final byte ENTRY = 'E';
    private static final byte COMMIT = 'C';

    private final Path file;
    private final Path staging;
    private final String parameters;

    /**
     * @param storeDir the TDB2 store's folder, which the file sits in
     * @param parameters the tags of the reuse parameters in force: a file written with others is not used
     */
    SignatureLog(Path storeDir, String parameters) {
        this.file = storeDir.resolve(FILE_NAME);
        this.staging = storeDir.resolve(FILE_NAME + ".new");
        this.parameters = parameters;
    }

    Path file() {
        return file;
    }

    /**
     * Feeds {@code sink} every entry logged up to the commit marked {@code token}, in order, and
     * returns the file length just past that marker; or returns -1, having perhaps fed some entries,
     * when the file is missing, damaged, written with other parameters, or does not end (but for an
     * uncommitted tail) with a whole commit marked {@code token}. The caller then discards what it
     * was fed and rebuilds the file from the store.
     */
    long replay(String token, Sink sink) {
        if (token == null) {
            return -1;
        }
        CRC32 crc = new CRC32();
        long[] position = {0};
        long matched = -1;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new CheckedInputStream(counting(new BufferedInputStream(raw, 1 << 16), position), crc))) {
            if (!MAGIC.equals(readString(in)) || in.readInt() != VERSION || !parameters.equals(readString(in))) {
                return -1;
            }
            crc.reset();
            for (int tag = in.read(); tag != -1; tag = in.read()) {
                if (tag == ENTRY) {
                    byte kind = in.readByte();
                    String iri = readString(in);
                    String signature = readString(in);
                    if (matched < 0) {
                        sink.entry(kind, iri, signature);
                    }
                } else if (tag == COMMIT) {
                    String committed = readString(in);
                    long expected = crc.getValue();
                    if (in.readLong() != expected) {
                        return matched; // a torn or damaged commit: usable only when the store's came before it
                    }
                    crc.reset();
                    if (matched >= 0) {
                        return -1; // a whole commit after the store's own: the store is older than the file
                    }
                    if (committed.equals(token)) {
                        matched = position[0];
                    }
                } else {
                    return matched;
                }
            }
            return matched;
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException | RuntimeException e) {
            // A record cut short: after the match, entries of a transaction that never committed; before it, a torn file.
            return matched;
        }
    }

    /**
     * Whether the file's first {@code length} bytes end with the commit marker of {@code token}:
     * the cheap check that a snapshot of the indexes taken at that commit still fits the file.
     */
    boolean endsWithCommit(long length, String token) {
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        int tail = 1 + Integer.BYTES + t.length + Long.BYTES;
        if (length < tail) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < length) {
                return false;
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(tail);
            while (b.hasRemaining() && ch.read(b, length - tail + b.position()) > 0) {
                // read the whole tail
            }
            b.flip();
            if (b.remaining() != tail || b.get() != COMMIT || b.getInt() != t.length) {
                return false;
            }
            byte[] found = new byte[t.length];
            b.get(found);
            return java.util.Arrays.equals(found, t);
        } catch (IOException e) {
            return false;
        }
    }

    /** Appends after the first {@code validLength} bytes (as {@link #replay} returned), cutting off any uncommitted tail. */
    Appender appendAfter(long validLength) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            channel.truncate(validLength);
            channel.position(validLength);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Appender(channel, false);
    }

    /**
     * Starts a new file: entries go to a staging file that replaces the old file at the first
     * {@link Appender#commit}, so until then the old file stays as it was.
     */
    Appender rewrite() throws IOException {
        Files.deleteIfExists(staging);
        FileChannel channel = FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Appender a = new Appender(channel, true);
        try {
            writeString(a.out, MAGIC);
            a.out.writeInt(VERSION);
            writeString(a.out, parameters);
            a.out.flush();
            a.crc.reset();
        } catch (IOException e) {
            a.close();
            throw e;
        }
        return a;
    }

    /** Removes the file (and any staging file), so that the next load rebuilds it from the store. */
    void discard() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            // A file that cannot be removed is caught by its token on the next load all the same.
        }
    }

    /** Writes entries and commit markers at the end of the file. */
    final class Appender implements Closeable {
        private final FileChannel channel;
        private final CRC32 crc = new CRC32();
        private final DataOutputStream out;
        private boolean staged;
        private boolean dirty;
        private long committedLength = -1;

        private Appender(FileChannel channel, boolean staged) {
            this.channel = channel;
            this.staged = staged;
            // The CRC sees the bytes as they are written, ahead of the buffer.
            this.out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), crc));
        }

        /** Whether entries were written since the last commit marker, or the file is new and not yet committed. */
        boolean hasUncommitted() {
            return staged || dirty;
        }

        void entry(byte kind, String iri, String signature) throws IOException {
            out.writeByte(ENTRY);
            out.writeByte(kind);
            writeString(out, iri);
            writeString(out, signature);
            dirty = true;
        }

        /**
         * Marks everything written so far as committed under {@code token}, the one the store's
         * transaction has just committed, and forces it to disk; a new file replaces the old here.
         */
        void commit(String token) throws IOException {
            out.writeByte(COMMIT);
            writeString(out, token);
            out.writeLong(crc.getValue());
            out.flush();
            crc.reset();
            channel.force(false);
            committedLength = channel.position();
            if (staged) {
                // The open channel follows the file through the rename, so later commits append to it.
                Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                staged = false;
            }
            dirty = false;
        }

        /** The file's length just past the last commit marker this appender wrote, or -1 before its first. */
        long committedLength() {
            return committedLength;
        }

        @Override
        public void close() throws IOException {
            try {
                out.flush();
            } finally {
                channel.close();
            }
        }
    }

    /** {@code in}, counting into {@code position[0]} the bytes it hands on. */
    private static InputStream counting(InputStream in, long[] position) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    position[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    position[0] += n;
                }
                return n;
            }
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) {
            throw new IOException("Implausible string length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
