package org.conflictkg.extract;

/**
 * One step of extraction. Each implementation documents in its javadoc what it needs (the layers
 * earlier stages must have added) and what it adds. Stages hold no per-document state, so one
 * instance serves many threads.
 */
public interface ExtractionStage {

    /** A short name for progress and benchmark reports. */
    String name();

    /** Reads the layers this stage needs from {@code doc} and adds its own. */
    void process(AnalyzedDocument doc);
}
