package org.conflictkg.extract.similar;

import java.util.Locale;

/**
 * What counts as the same text reused, for one kind of text: how it is shingled, the MinHash and
 * LSH geometry that finds candidates, and the rule that verifies them on the exact shingle sets.
 *
 * <p>A candidate pair is accepted when it shares at least {@code minShared} shingles and either its
 * Jaccard reaches {@code minJaccard} (the same text with small edits) or the containment of the
 * smaller set in the larger reaches {@code minContainment} (one text cut from the other).
 *
 * <h2>{@link #QUOTATIONS}</h2>
 * Character 6-grams of the folded words: a one-letter typo ("thae", "suporting") breaks six
 * shingles, so a 60-character quotation with one typo keeps a Jaccard near 0.8. Six rather than
 * five because, over 17,800 quotations of the Syria corpus, unrelated quotations share fewer
 * 6-grams (mean Jaccard 0.005 against 0.011), which halves the chance candidates. 96 hashes in
 * 24 bands × 4 rows: threshold ≈ 0.45; a pair is a candidate with probability 0.04 at J = 0.2,
 * 0.79 at 0.5, 0.96 at 0.6, 0.999 at 0.7, so typo variants are found, and about five unrelated
 * quotations per lookup become candidates in a store of 400,000. A truncation has a Jaccard equal
 * to its length ratio, which may fall below the curve: two edge anchors (the first and the last
 * five words) find a quotation cut at either end whatever its length; an anchor shared by more than
 * 32 quotations is a stock phrase ("the united states of america") and is not followed. Accepted:
 * at least 16 shared shingles, and Jaccard ≥ 0.6 or containment ≥ 0.8.
 *
 * <h2>{@link #DOCUMENTS}</h2>
 * Word 5-grams: unrelated articles on the same story share almost none (over the Syria corpus,
 * 0.07 chance candidates per article), while a repost keeps runs of whole sentences. A shortened
 * repost has a high containment but a Jaccard of only its length ratio (the repost in {@code data/}
 * has containment 0.84, Jaccard 0.41), so the curve is set low: 128 hashes in 64 bands × 2 rows,
 * threshold ≈ 0.125; a pair is a candidate with probability 0.47 at J = 0.1, 0.93 at 0.2, 0.998 at
 * 0.3. Accepted: at least 20 shared shingles (about one long sentence) and containment ≥ 0.5; as
 * containment is never below Jaccard, the Jaccard bound of 0.5 adds nothing here.
 *
 * <pre>{@code
 * Fingerprint f = ReuseCriteria.QUOTATIONS.fingerprint(Iris.foldWords(text));
 * }</pre>
 */
public final class ReuseCriteria {

    /** How a text is cut into shingles. */
    public enum Unit { WORDS, CHARACTERS }

    /** The project's fixed seed for every MinHash family: changing it invalidates stored signatures. */
    public static final long SEED = 0x636B672D7265706FL;

    public static final ReuseCriteria QUOTATIONS = new ReuseCriteria(Unit.CHARACTERS, 6, 24, 4, 5, 32, 16, 0.6, 0.8, SEED);

    public static final ReuseCriteria DOCUMENTS = new ReuseCriteria(Unit.WORDS, 5, 64, 2, 0, 0, 20, 0.5, 0.5, SEED);

    private final Unit unit;
    private final int shingleSize;
    private final int bands;
    private final int rows;
    private final int anchorWords;
    private final int maxAnchorBucket;
    private final int minShared;
    private final double minJaccard;
    private final double minContainment;
    private final long seed;
    private final MinHash minHash;

    /**
     * @param anchorWords words in each edge anchor, or 0 for none
     * @param maxAnchorBucket how many texts may share an anchor before it is treated as a stock phrase
     * @throws IllegalArgumentException naming the first value out of range
     */
    public ReuseCriteria(Unit unit, int shingleSize, int bands, int rows, int anchorWords, int maxAnchorBucket,
                         int minShared, double minJaccard, double minContainment, long seed) {
        if (unit == null) {
            throw new IllegalArgumentException("unit must be WORDS or CHARACTERS");
        }
        if (shingleSize < 1) {
            throw new IllegalArgumentException("Illegal shingleSize=" + shingleSize + ": must be at least 1");
        }
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("Illegal LSH geometry bands=" + bands + " rows=" + rows + ": both must be at least 1");
        }
        if (anchorWords < 0 || (anchorWords > 0 && maxAnchorBucket < 1)) {
            throw new IllegalArgumentException("Illegal anchorWords=" + anchorWords + " maxAnchorBucket=" + maxAnchorBucket
                    + ": anchorWords must be >= 0, and maxAnchorBucket >= 1 when there are anchors");
        }
        if (minShared < 1) {
            throw new IllegalArgumentException("Illegal minShared=" + minShared + ": must be at least 1");
        }
        if (!(minJaccard > 0 && minJaccard <= 1) || !(minContainment > 0 && minContainment <= 1)) {
            throw new IllegalArgumentException("Illegal minJaccard=" + minJaccard + " minContainment=" + minContainment
                    + ": both must be in (0, 1]");
        }
        this.unit = unit;
        this.shingleSize = shingleSize;
        this.bands = bands;
        this.rows = rows;
        this.anchorWords = anchorWords;
        this.maxAnchorBucket = maxAnchorBucket;
        this.minShared = minShared;
        this.minJaccard = minJaccard;
        this.minContainment = minContainment;
        this.seed = seed;
        this.minHash = new MinHash(bands * rows, seed);
    }

    public Unit unit() {
        return unit;
    }

    public int shingleSize() {
        return shingleSize;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    public int anchorWords() {
        return anchorWords;
    }

    public int maxAnchorBucket() {
        return maxAnchorBucket;
    }

    public int minShared() {
        return minShared;
    }

    public double minJaccard() {
        return minJaccard;
    }

    public double minContainment() {
        return minContainment;
    }

    /** Hashes per signature: {@code bands × rows}. */
    public int signatureSize() {
        return bands * rows;
    }

    /** Where the LSH S-curve is steepest: {@code (1/bands)^(1/rows)}. */
    public double threshold() {
        return LshIndex.threshold(bands, rows);
    }

    /** The chance that a pair with Jaccard {@code j} becomes a candidate. */
    public double candidateProbability(double j) {
        return LshIndex.candidateProbability(bands, rows, j);
    }

    /** The shingles of text folded as {@code Iris.foldWords} folds it. */
    public ShingleSet shingles(String folded) {
        return unit == Unit.WORDS ? Shingles.words(folded, shingleSize) : Shingles.characters(folded, shingleSize);
    }

    /** Shingles, signature and anchors of folded text; needs no index, so any thread may compute it. */
    public Fingerprint fingerprint(String folded) {
        ShingleSet s = shingles(folded);
        if (s.isEmpty()) {
            return new Fingerprint(s, null, new long[0]);
        }
        long[] anchors = anchorWords > 0 ? Shingles.edgeAnchors(folded, anchorWords) : new long[0];
        return new Fingerprint(s, minHash.signature(s), anchors);
    }

    /** True when a verified pair counts as the same text reused. */
    public boolean accepts(Resemblance r) {
        return r.shared() >= minShared && (r.jaccard() >= minJaccard || r.containment() >= minContainment);
    }

    /**
     * Names the shingling and hash family, and the edge anchors when these criteria use them, e.g.
     * {@code w5-mh128-636b672d7265706f} or {@code c6-mh96-636b672d7265706f-a5}: a stored signature
     * is only comparable with one of the same tag.
     */
    public String signatureTag() {
        return (unit == Unit.WORDS ? "w" : "c") + shingleSize + "-mh" + signatureSize() + "-" + Long.toHexString(seed)
                + (anchorWords > 0 ? "-a" + anchorWords : "");
    }

    /**
     * What an index needs of a text, for storing: {@code TAG:BASE64} of its signature, followed by
     * {@code :BASE64} of its edge anchors when these criteria use anchors (without them a stored
     * text cut short would no longer be found).
     */
    public String encodeSignature(Fingerprint f) {
        if (f.isEmpty()) {
            throw new IllegalArgumentException("An empty text has no signature to store");
        }
        String signature = signatureTag() + ":" + MinHash.encode(f.signature());
        if (anchorWords == 0) {
            return signature;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(f.anchors().length * Long.BYTES);
        b.asLongBuffer().put(f.anchors());
        return signature + ":" + java.util.Base64.getEncoder().withoutPadding().encodeToString(b.array());
    }

    /** A signature and the edge anchors stored with it, as {@link #decode} reads them back. */
    public record StoredSignature(int[] signature, long[] anchors) {}

    /**
     * The signature stored by {@link #encodeSignature}, or null when it was made with other
     * parameters (another tag) or is damaged; the caller then recomputes it from the text.
     */
    public int[] decodeSignature(String stored) {
        StoredSignature s = decode(stored);
        return s == null ? null : s.signature();
    }

    /**
     * The signature and anchors stored by {@link #encodeSignature}, or null when they were made
     * with other parameters (another tag) or are damaged; the caller then recomputes them from the
     * text.
     */
    public StoredSignature decode(String stored) {
        String prefix = signatureTag() + ":";
        if (stored == null || !stored.startsWith(prefix)) {
            return null;
        }
        String[] parts = stored.substring(prefix.length()).split(":", -1);
        if (parts.length != (anchorWords > 0 ? 2 : 1)) {
            return null;
        }
        try {
            int[] sig = MinHash.decode(parts[0]);
            if (sig.length != signatureSize()) {
                return null;
            }
            long[] anchors = new long[0];
            if (anchorWords > 0) {
                byte[] bytes = java.util.Base64.getDecoder().decode(parts[1]);
                if (bytes.length % Long.BYTES != 0) {
                    return null;
                }
                anchors = new long[bytes.length / Long.BYTES];
                java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(anchors);
            }
            return new StoredSignature(sig, anchors);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d-grams, %d bands x %d rows (threshold %.2f), accept shared>=%d and (J>=%.2f or containment>=%.2f)%s",
                unit == Unit.WORDS ? "word" : "character", shingleSize, bands, rows, threshold(), minShared, minJaccard, minContainment,
                anchorWords > 0 ? ", edge anchors of " + anchorWords + " words" : "");
    }
}
