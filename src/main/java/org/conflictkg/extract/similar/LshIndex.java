package org.conflictkg.extract.similar;

import java.util.function.IntConsumer;

/**
 * Locality-sensitive hashing of MinHash signatures by banding: a signature of {@code bands × rows}
 * values is cut into {@code bands} bands; an item is filed under each band's values, and items
 * that share a whole band with a query are its candidates.
 *
 * <p>A pair with Jaccard {@code J} agrees on one band with probability {@code J^rows}, so it
 * becomes a candidate with probability {@code 1 - (1 - J^rows)^bands}: an S-curve that rises
 * steeply around {@link #threshold()} {@code ≈ (1/bands)^(1/rows)}. More rows make the curve
 * steeper and push it right (fewer chance candidates, more misses just above the threshold); more
 * bands push it left at the cost of memory and lookups. A lookup costs {@code bands} probes
 * however many items are indexed, which is what keeps the cost of a corpus linear in its size.
 *
 * <p>Not thread-safe: one writer adds and queries.
 *
 * <pre>{@code
 * LshIndex lsh = new LshIndex(64, 2);   // threshold ≈ 0.125
 * lsh.add(7, signature);
 * lsh.candidates(other, id -> ...);
 * }</pre>
 */
public final class LshIndex {

    private final int bands;
    private final int rows;
    private BucketTable table = new BucketTable();
    private int size;

    /**
     * @throws IllegalArgumentException when {@code bands} or {@code rows} is below 1
     */
    public LshIndex(int bands, int rows) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("Illegal LSH geometry bands=" + bands + " rows=" + rows + ": both must be at least 1");
        }
        this.bands = bands;
        this.rows = rows;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /** The signature length this index takes: {@code bands × rows}. */
    public int signatureSize() {
        return bands * rows;
    }

    /** The Jaccard at which the S-curve is steepest, about {@code (1/bands)^(1/rows)}. */
    public double threshold() {
        return threshold(bands, rows);
    }

    /** The probability that a pair with Jaccard {@code j} becomes a candidate. */
    public double candidateProbability(double j) {
        return candidateProbability(bands, rows, j);
    }

    static double threshold(int bands, int rows) {
        return Math.pow(1.0 / bands, 1.0 / rows);
    }

    static double candidateProbability(int bands, int rows, double j) {
        return 1 - Math.pow(1 - Math.pow(j, rows), bands);
    }

    /**
     * Files {@code id} under each band of {@code signature}.
     *
     * @throws IllegalArgumentException when the signature's length is not {@link #signatureSize()}
     */
    public void add(int id, int[] signature) {
        check(signature);
        for (int b = 0; b < bands; b++) {
            table.add(bandKey(signature, b), id);
        }
        size++;
    }

    /**
     * Gives the id of every item sharing at least one band with {@code signature}; an item sharing
     * several bands is given several times.
     */
    public void candidates(int[] signature, IntConsumer sink) {
        check(signature);
        for (int b = 0; b < bands; b++) {
            table.forEach(bandKey(signature, b), sink);
        }
    }

    /** Makes room for {@code items} more items at once, when their number is known before they are added. */
    public void reserve(int items) {
        table.reserve((long) (size + items) * bands);
    }

    /** Writes the index, tables and all, for {@link #readFrom} to restore without re-inserting an item. */
    public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(bands);
        out.writeInt(rows);
        out.writeInt(size);
        table.writeTo(out);
    }

    /**
     * The index {@link #writeTo} wrote.
     *
     * @throws java.io.IOException when the stream does not hold one, or one of another geometry
     */
    public static LshIndex readFrom(java.io.DataInputStream in, int bands, int rows) throws java.io.IOException {
        if (in.readInt() != bands || in.readInt() != rows) {
            throw new java.io.IOException("An LSH index of another geometry than " + bands + " x " + rows);
        }
        LshIndex index = new LshIndex(bands, rows);
        index.size = in.readInt();
        if (index.size < 0) {
            throw new java.io.IOException("Negative LSH index size");
        }
        index.table = BucketTable.readFrom(in);
        return index;
    }

    /** Items added. */
    public int size() {
        return size;
    }

    private long bandKey(int[] signature, int band) {
        long h = 0x243F6A8885A308D3L ^ band;
        for (int i = band * rows, end = i + rows; i < end; i++) {
            h = Long.rotateLeft(h, 23) ^ (signature[i] & 0xFFFFFFFFL);
            h *= 0xBF58476D1CE4E5B9L;
        }
        return Hashing.mix(h);
    }

    private void check(int[] signature) {
        if (signature.length != bands * rows) {
            throw new IllegalArgumentException("Signature of " + signature.length + " values for an index of "
                    + bands + " bands × " + rows + " rows = " + bands * rows);
        }
    }
}
