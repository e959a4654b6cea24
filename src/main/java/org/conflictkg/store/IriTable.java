package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.conflictkg.extract.similar.ArrayIo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The IRIs of the items a reuse index holds, numbered in the order added: one UTF-8 byte array,
 * the offsets into it, and an open-addressing table from IRI to number.
 *
 * <p>Why not a {@code List<Node>} and a {@code HashMap<Node, Integer>}: a large store's indexes hold
 * over half a million IRIs, and as objects they cost an estimated 150 to 190 bytes each of heap and
 * a node built per IRI at every load; here they cost their bytes plus about 12, and are read back
 * from a snapshot as four arrays. A {@link Node} is made only for an IRI asked for, which is a candidate's.
 */
final class IriTable {

    private byte[] bytes = new byte[1 << 12];
    private int used;
    private int[] offsets = new int[65];  // offsets[i] is where IRI i begins; offsets[size] == used
    private int[] hashes = new int[64];
    private int size;
    private int[] slots = new int[128];   // 0 empty, else the IRI's number + 1

    /** IRIs held. */
    int size() {
        return size;
    }

    /** The IRI numbered {@code id} as a node. */
    Node get(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("IRI " + id + " of " + size);
        }
        return NodeFactory.createURI(new String(bytes, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8));
    }

    /** The number of {@code iri}, or -1 when it is not held. */
    int indexOf(Node iri) {
        byte[] b = iri.getURI().getBytes(StandardCharsets.UTF_8);
        int h = hash(b);
        int mask = slots.length - 1;
        for (int slot = h & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (hashes[id] == h && Arrays.equals(bytes, offsets[id], offsets[id + 1], b, 0, b.length)) {
                return id;
            }
        }
        return -1;
    }

    /** Appends {@code iri} (held or not: callers add each item once) and returns its number. */
    int add(Node iri) {
        byte[] b = iri.getURI().getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) bytes.length * 2, (long) used + b.length)));
        }
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        if (size >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        System.arraycopy(b, 0, bytes, used, b.length);
        int id = size++;
        offsets[id] = used;
        used += b.length;
        offsets[size] = used;
        hashes[id] = hash(b);
        if ((long) size * 4 >= (long) slots.length * 3) {
            placeAll(slots.length * 2);
        } else {
            place(id);
        }
        return id;
    }

    /** Rebuilds the lookup table at {@code slotCount} slots (a power of two) from the stored hashes. */
    private void placeAll(int slotCount) {
        slots = new int[slotCount];
        for (int i = 0; i < size; i++) {
            place(i);
        }
    }

    private void place(int id) {
        int mask = slots.length - 1;
        int slot = hashes[id] & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
    }

    /** Writes the IRIs as arrays, for {@link #readFrom}; the lookup table is rebuilt from the hashes. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        ArrayIo.writeBytes(out, bytes, used);
        ArrayIo.writeInts(out, offsets, size + 1);
        ArrayIo.writeInts(out, hashes, size);
    }

    /** The table {@link #writeTo} wrote; throws when what it reads does not make one. */
    static IriTable readFrom(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > (1 << 28)) {
            throw new IOException("Implausible count of IRIs: " + size);
        }
        IriTable t = new IriTable();
        byte[] bytes = ArrayIo.readBytes(in, 16, Integer.MAX_VALUE - 8);
        int[] offsets = ArrayIo.readInts(in, 0, size + 1);
        int[] hashes = ArrayIo.readInts(in, 0, size);
        if (offsets.length != size + 1 || hashes.length != size || offsets[0] != 0 || offsets[size] > bytes.length) {
            throw new IOException("IRI table of " + size + " IRIs cut short");
        }
        for (int i = 0; i < size; i++) {
            if (offsets[i + 1] < offsets[i]) {
                throw new IOException("IRI " + i + " ends before it begins");
            }
        }
        t.bytes = bytes;
        t.used = offsets[size];
        t.offsets = Arrays.copyOf(offsets, Math.max(65, size + 2));
        t.hashes = Arrays.copyOf(hashes, Math.max(64, size + 1));
        t.size = size;
        t.placeAll(Math.max(128, Integer.highestOneBit(Math.max(1, size * 4 / 3 + 1)) << 1));
        return t;
    }

    /** FNV-1a, then mixed: IRIs share long prefixes, so the low bits must depend on every byte. */
    private static int hash(byte[] b) {
        int h = 0x811C9DC5;
        for (byte x : b) {
            h = (h ^ (x & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
