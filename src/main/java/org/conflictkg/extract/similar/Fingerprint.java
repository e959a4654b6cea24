package org.conflictkg.extract.similar;

/**
 * What {@link NearDuplicateIndex} needs of one text: its shingle set (to verify candidates
 * exactly), its MinHash signature (to find them) and its edge anchors. Computed by
 * {@link ReuseCriteria#fingerprint} without any index, so it can be made on worker threads and
 * used later by the single writer. Immutable.
 */
public final class Fingerprint {

    private final ShingleSet shingles;
    private final int[] signature;
    private final long[] anchors;

    Fingerprint(ShingleSet shingles, int[] signature, long[] anchors) {
        if (shingles.isEmpty() != (signature == null)) {
            throw new IllegalArgumentException("a fingerprint has a signature exactly when it has shingles");
        }
        this.shingles = shingles;
        this.signature = signature;
        this.anchors = anchors;
    }

    public ShingleSet shingles() {
        return shingles;
    }

    /** True for a text with no letters or digits: it matches nothing and is never indexed. */
    public boolean isEmpty() {
        return signature == null;
    }

    int[] signature() {
        return signature;
    }

    long[] anchors() {
        return anchors;
    }
}
