/**
 * Finding reused text: the same quotation in two articles, or an article that reposts another.
 *
 * <p>Comparing every new text with every stored one costs the square of the corpus. This package
 * makes it cost about one lookup per text instead, in three steps:
 *
 * <ol>
 *   <li><b>Shingling</b> ({@link org.conflictkg.extract.similar.Shingles}): a text becomes the set of
 *       its word n-grams (documents) or character n-grams (quotations), each hashed to 64 bits. The
 *       input is text already folded by {@code Iris.foldWords}, so quote marks, case, dashes and
 *       spacing never count as a difference.
 *   <li><b>MinHash</b> ({@link org.conflictkg.extract.similar.MinHash}): a fixed, seeded family of
 *       hash functions turns a set into a short signature; two signatures agree in each position
 *       with probability equal to the sets' Jaccard similarity.
 *   <li><b>Locality-sensitive hashing</b> ({@link org.conflictkg.extract.similar.LshIndex}): the
 *       signature is cut into {@code b} bands of {@code r} rows; texts sharing any whole band are
 *       candidates. A pair with Jaccard {@code J} becomes a candidate with probability
 *       {@code 1 - (1 - J^r)^b}, an S-curve whose steep part lies near {@code (1/b)^(1/r)}.
 * </ol>
 *
 * <p>Candidates are then verified on the exact shingle sets
 * ({@link org.conflictkg.extract.similar.Resemblance}): Jaccard for near-identical texts, and
 * containment of the smaller set in the larger for truncations and shortened reposts, whose
 * Jaccard is only their length ratio. {@link org.conflictkg.extract.similar.ReuseCriteria} fixes
 * the parameters for quotations and for documents and says why they were chosen;
 * {@link org.conflictkg.extract.similar.NearDuplicateIndex} puts the steps together.
 *
 * <p>Everything here is deterministic across runs and machines (no {@code String.hashCode}, no
 * random seeds taken from the clock), so signatures can be stored and compared later.
 */
package org.conflictkg.extract.similar;
