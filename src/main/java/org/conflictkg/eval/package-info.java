/**
 * Measures the extractor against gold annotations: reads brat standoff attribution files (the
 * PolNeAR format) with their texts, runs the pipeline, and scores the quotations it finds.
 *
 * <p>{@link org.conflictkg.eval.BratAttributions} reads one annotation file,
 * {@link org.conflictkg.eval.GoldCorpus} pairs a folder of texts with their annotation files,
 * {@link org.conflictkg.eval.AttributionScorer} compares gold with predictions for one text, and
 * {@link org.conflictkg.eval.AttributionEvaluation} adds the figures up over a corpus and prints
 * them.
 */
package org.conflictkg.eval;
