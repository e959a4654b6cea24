package org.conflictkg.extract.similar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An index of texts by fingerprint that answers "which indexed texts are near-duplicates of this
 * one?" in time that does not grow with the number indexed (beyond the candidates found).
 *
 * <p>Lookup has two steps. {@link #candidates} gathers the ids sharing an LSH band or an edge anchor
 * with the query; {@link #matches} then verifies each candidate on its exact shingle set, which the
 * caller supplies (the index keeps no texts, so its memory is a few dozen bytes per band per text),
 * and keeps those {@link ReuseCriteria#accepts accepted}.
 *
 * <p>Ids are the caller's: any non-negative int, typically a position in the caller's list of
 * stored items. Not thread-safe: one writer adds and queries; fingerprints may be computed anywhere.
 *
 * <pre>{@code
 * NearDuplicateIndex index = new NearDuplicateIndex(ReuseCriteria.QUOTATIONS);
 * index.add(0, ReuseCriteria.QUOTATIONS.fingerprint(Iris.foldWords(stored)));
 * List<NearDuplicateIndex.Match> m = index.matches(fingerprintOfNew, id -> shinglesOf(id));
 * }</pre>
 */
public final class NearDuplicateIndex {

    /** A verified near-duplicate: the indexed id and how much it has in common with the query. */
    public record Match(int id, Resemblance resemblance) {}

    /** Best first: the closest wording, then the fullest containment, then the earliest id. */
    public static final Comparator<Match> BEST_FIRST = Comparator
            .comparingDouble((Match m) -> -m.resemblance().jaccard())
            .thenComparingDouble(m -> -m.resemblance().containment())
            .thenComparingInt(Match::id);

    private final ReuseCriteria criteria;
    private final LshIndex lsh;
    private final BucketTable anchors;

    public NearDuplicateIndex(ReuseCriteria criteria) {
        this(criteria, new LshIndex(criteria.bands(), criteria.rows()), new BucketTable());
    }

    private NearDuplicateIndex(ReuseCriteria criteria, LshIndex lsh, BucketTable anchors) {
        this.criteria = criteria;
        this.lsh = lsh;
        this.anchors = anchors;
    }

    /**
     * Writes the index as it is (its LSH buckets and anchors), so that {@link #readFrom} restores it
     * in one pass over the bytes instead of re-inserting every text: the difference between a few
     * hundred milliseconds and several seconds for the half a million quotations of a large store.
     */
    public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeUTF(criteria.signatureTag());
        lsh.writeTo(out);
        anchors.writeTo(out);
    }

    /**
     * The index {@link #writeTo} wrote with the same criteria.
     *
     * @throws java.io.IOException when the stream does not hold one, or holds one of other criteria
     */
    public static NearDuplicateIndex readFrom(java.io.DataInputStream in, ReuseCriteria criteria) throws java.io.IOException {
        if (!criteria.signatureTag().equals(in.readUTF())) {
            throw new java.io.IOException("A near-duplicate index of other criteria than " + criteria.signatureTag());
        }
        LshIndex lsh = LshIndex.readFrom(in, criteria.bands(), criteria.rows());
        return new NearDuplicateIndex(criteria, lsh, BucketTable.readFrom(in));
    }

    public ReuseCriteria criteria() {
        return criteria;
    }

    /**
     * Indexes a text under {@code id}. An empty fingerprint is not indexed: a text without words
     * resembles nothing.
     *
     * @throws IllegalArgumentException when {@code id} is negative
     */
    public void add(int id, Fingerprint f) {
        checkId(id);
        if (f.isEmpty()) {
            return;
        }
        lsh.add(id, f.signature());
        addAnchors(id, f.anchors());
    }

    /**
     * Indexes a text by the signature and anchors stored for it ({@link ReuseCriteria#decode}):
     * the same entries as {@link #add} of its fingerprint, without reading its words again.
     *
     * @throws IllegalArgumentException when {@code id} is negative or the signature has the wrong length
     */
    public void add(int id, ReuseCriteria.StoredSignature stored) {
        checkId(id);
        lsh.add(id, stored.signature());
        addAnchors(id, stored.anchors());
    }

    private void addAnchors(int id, long[] edgeAnchors) {
        for (long a : edgeAnchors) {
            // Past the cap an anchor is a stock phrase; one id over the cap is enough to mark it.
            if (anchors.count(a, criteria.maxAnchorBucket() + 1) <= criteria.maxAnchorBucket()) {
                anchors.add(a, id);
            }
        }
    }

    /**
     * Indexes a text by a stored signature alone (no anchors). For texts whose signature was kept
     * and whose words need not be read again to index them.
     *
     * @throws IllegalArgumentException when {@code id} is negative or the signature has the wrong length
     */
    public void addSignature(int id, int[] signature) {
        checkId(id);
        lsh.add(id, signature);
    }

    /**
     * Makes room for {@code items} more texts at once: indexing a known number of stored texts
     * then fills the tables without growing them step by step.
     */
    public void reserve(int items) {
        lsh.reserve(items);
    }

    /** Texts indexed. */
    public int size() {
        return lsh.size();
    }

    /** The ids sharing a band or an anchor with {@code f}, ascending, each once; not yet verified. */
    public int[] candidates(Fingerprint f) {
        if (f.isEmpty() || lsh.size() == 0) {
            return new int[0];
        }
        int[][] found = {new int[16]};
        int[] n = {0};
        java.util.function.IntConsumer sink = id -> {
            if (n[0] == found[0].length) {
                found[0] = Arrays.copyOf(found[0], n[0] * 2);
            }
            found[0][n[0]++] = id;
        };
        lsh.candidates(f.signature(), sink);
        for (long a : f.anchors()) {
            if (anchors.count(a, criteria.maxAnchorBucket() + 1) <= criteria.maxAnchorBucket()) {
                anchors.forEach(a, sink);
            }
        }
        int[] ids = Arrays.copyOf(found[0], n[0]);
        Arrays.sort(ids);
        int m = 0;
        for (int i = 0; i < ids.length; i++) {
            if (m == 0 || ids[i] != ids[m - 1]) {
                ids[m++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, m);
    }

    /**
     * The candidates that pass verification, best first ({@link #BEST_FIRST}).
     *
     * @param shinglesOf the exact shingle set of an indexed id, computed the same way as the query's;
     *     null when the id's text is no longer available (it is then skipped)
     */
    public List<Match> matches(Fingerprint f, IntFunction<ShingleSet> shinglesOf) {
        List<Match> out = new ArrayList<>();
        for (int id : candidates(f)) {
            ShingleSet other = shinglesOf.apply(id);
            if (other == null) {
                continue;
            }
            Resemblance r = Resemblance.of(f.shingles(), other);
            if (criteria.accepts(r)) {
                out.add(new Match(id, r));
            }
        }
        out.sort(BEST_FIRST);
        return out;
    }

    private static void checkId(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("Illegal id " + id + ": ids must be >= 0");
        }
    }
}
