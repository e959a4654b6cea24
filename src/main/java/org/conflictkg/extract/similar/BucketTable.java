package org.conflictkg.extract.similar;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A multimap from 64-bit keys to int ids, in primitive arrays: an index over a large store holds
 * millions of (key, id) pairs, and boxed maps would spend several times the memory on them.
 *
 * <p>Open addressing with linear probing over the keys. Most LSH buckets hold one id, so a slot
 * holds that id itself; only a second id turns the slot into a chain in the posting arrays.
 */
final class BucketTable {

    private static final long EMPTY = 0L;

    private long[] keys = new long[64];
    private int[] heads = new int[64];   // >= 0: the only id; < 0: -(posting + 1), the latest posting
    private int[] postingId = new int[16];
    private int[] postingNext = new int[16];  // -1 ends a chain
    private int postings;
    private int used;

    /**
     * Makes room for {@code keys} distinct keys at once, so that filling the table from a known
     * number of items does not rehash it at every doubling on the way (each rehash re-reads the
     * whole table, and a large one misses the cache on every slot).
     */
    void reserve(long expectedKeys) {
        long slots = Long.highestOneBit(Math.max(64, expectedKeys * 4 / 3 + 1)) << 1;
        if (slots > keys.length && slots <= (1 << 30)) {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[(int) slots];
            heads = new int[(int) slots];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int slot = slotOf(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    heads[slot] = oldHeads[i];
                }
            }
        }
    }

    /** Adds {@code id} under {@code key}. */
    void add(long key, int id) {
        key = nonEmpty(key);
        if ((used + 1) * 4 >= keys.length * 3) {
            grow();
        }
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            heads[slot] = id;
            used++;
            return;
        }
        int head = heads[slot];
        if (head >= 0) {
            head = -(posting(head, -1) + 1);
        }
        heads[slot] = -(posting(id, -head - 1) + 1);
    }

    /** How many ids {@code key} holds, counting no further than {@code limit}. */
    int count(long key, int limit) {
        int slot = slotOf(nonEmpty(key));
        if (keys[slot] == EMPTY) {
            return 0;
        }
        int head = heads[slot];
        if (head >= 0) {
            return 1;
        }
        int n = 0;
        for (int p = -head - 1; p >= 0 && n < limit; p = postingNext[p]) {
            n++;
        }
        return n;
    }

    /** Gives every id held under {@code key}, latest first. */
    void forEach(long key, IntConsumer sink) {
        int slot = slotOf(nonEmpty(key));
        if (keys[slot] == EMPTY) {
            return;
        }
        int head = heads[slot];
        if (head >= 0) {
            sink.accept(head);
            return;
        }
        for (int p = -head - 1; p >= 0; p = postingNext[p]) {
            sink.accept(postingId[p]);
        }
    }

    private int posting(int id, int next) {
        if (postings == postingId.length) {
            postingId = Arrays.copyOf(postingId, postings * 2);
            postingNext = Arrays.copyOf(postingNext, postings * 2);
        }
        postingId[postings] = id;
        postingNext[postings] = next;
        return postings++;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
            }
        }
    }

    /** Writes the table as it is, for {@link #readFrom} to restore without re-inserting a key. */
    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(used);
        out.writeInt(postings);
        ArrayIo.writeLongs(out, keys, keys.length);
        ArrayIo.writeInts(out, heads, heads.length);
        ArrayIo.writeInts(out, postingId, postings);
        ArrayIo.writeInts(out, postingNext, postings);
    }

    /** The table {@link #writeTo} wrote; throws when what it reads does not make one. */
    static BucketTable readFrom(java.io.DataInputStream in) throws java.io.IOException {
        BucketTable t = new BucketTable();
        int used = in.readInt();
        int postings = in.readInt();
        long[] keys = ArrayIo.readLongs(in, 0, 1 << 30);
        int[] heads = ArrayIo.readInts(in, 0, 1 << 30);
        if (Integer.bitCount(keys.length) != 1 || heads.length != keys.length || used < 0 || (long) used * 4 >= (long) keys.length * 3
                || postings < 0) {
            throw new java.io.IOException("Not a bucket table: " + keys.length + " slots, " + used + " used");
        }
        t.keys = keys;
        t.heads = heads;
        t.used = used;
        t.postingId = ArrayIo.readInts(in, 16, 1 << 30);
        t.postingNext = ArrayIo.readInts(in, 16, 1 << 30);
        t.postings = postings;
        if (t.postingId.length < postings || t.postingNext.length < postings) {
            throw new java.io.IOException("Bucket table postings cut short");
        }
        for (int i = 0; i < postings; i++) {
            if (t.postingNext[i] < -1 || t.postingNext[i] >= i) {
                throw new java.io.IOException("Bucket table posting " + i + " points forward"); // chains only point back: no cycle
            }
        }
        for (int h : heads) {
            if (h < 0 && -h - 1 >= postings) {
                throw new java.io.IOException("Bucket table slot points past its postings");
            }
        }
        return t;
    }

    /** Keys are hashes; the one that collides with the empty marker shares a bucket with 1, which only adds a candidate. */
    private static long nonEmpty(long key) {
        return key == EMPTY ? 1L : key;
    }
}
