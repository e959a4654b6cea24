package org.conflictkg.extract.similar;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Primitive arrays to and from a stream in bulk, eight kilobytes at a time: an index's tables hold
 * tens of millions of values, and a call per value would cost more than the disk.
 */
public final class ArrayIo {

    private static final int CHUNK = 8192;

    private ArrayIo() {}

    public static void writeLongs(DataOutputStream out, long[] a, int n) throws IOException {
        out.writeInt(n);
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < n; ) {
            b.clear();
            int k = Math.min(n - i, CHUNK / Long.BYTES);
            b.asLongBuffer().put(a, i, k);
            out.write(b.array(), 0, k * Long.BYTES);
            i += k;
        }
    }

    public static void writeInts(DataOutputStream out, int[] a, int n) throws IOException {
        out.writeInt(n);
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < n; ) {
            b.clear();
            int k = Math.min(n - i, CHUNK / Integer.BYTES);
            b.asIntBuffer().put(a, i, k);
            out.write(b.array(), 0, k * Integer.BYTES);
            i += k;
        }
    }

    /** Reads what {@link #writeLongs} wrote into an array of at least {@code minLength}. */
    public static long[] readLongs(DataInputStream in, int minLength, int maxLength) throws IOException {
        int n = length(in, maxLength);
        long[] a = new long[Math.max(n, minLength)];
        byte[] bytes = new byte[CHUNK];
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, CHUNK / Long.BYTES);
            in.readFully(bytes, 0, k * Long.BYTES);
            ByteBuffer.wrap(bytes, 0, k * Long.BYTES).asLongBuffer().get(a, i, k);
            i += k;
        }
        return a;
    }

    /** Reads what {@link #writeInts} wrote into an array of at least {@code minLength}. */
    public static int[] readInts(DataInputStream in, int minLength, int maxLength) throws IOException {
        int n = length(in, maxLength);
        int[] a = new int[Math.max(n, minLength)];
        byte[] bytes = new byte[CHUNK];
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, CHUNK / Integer.BYTES);
            in.readFully(bytes, 0, k * Integer.BYTES);
            ByteBuffer.wrap(bytes, 0, k * Integer.BYTES).asIntBuffer().get(a, i, k);
            i += k;
        }
        return a;
    }

    public static void writeBytes(DataOutputStream out, byte[] a, int n) throws IOException {
        out.writeInt(n);
        out.write(a, 0, n);
    }

    /** Reads what {@link #writeBytes} wrote into an array of at least {@code minLength}. */
    public static byte[] readBytes(DataInputStream in, int minLength, int maxLength) throws IOException {
        int n = length(in, maxLength);
        byte[] a = new byte[Math.max(n, minLength)];
        in.readFully(a, 0, n);
        return a;
    }

    private static int length(DataInputStream in, int maxLength) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > maxLength) {
            throw new IOException("Implausible array length " + n);
        }
        return n;
    }
}
