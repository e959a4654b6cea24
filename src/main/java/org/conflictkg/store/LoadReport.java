package org.conflictkg.store;

import org.conflictkg.ingest.Rejection;

import java.util.List;

/**
 * What a load did.
 *
 * @param read documents read successfully
 * @param added documents new to the store, now written whole
 * @param alreadyPresent documents whose text the store already held (nothing written for them)
 * @param quads quads written for the added documents (including repeats of shared descriptions)
 * @param characters code points of text in the added documents
 * @param rejected inputs that could not be read, each with its reason
 * @param millis wall time of the load
 * @param rdfFiles RDF files stored, new or changed (an unchanged one is left as it was)
 * @param warnings inputs read, but changed on the way (control characters replaced), with where and what
 */
public record LoadReport(long read, long added, long alreadyPresent, long quads, long characters,
                         List<Rejection> rejected, long millis, long rdfFiles, List<Rejection> warnings) {

    public LoadReport {
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    /** A load with no warnings. */
    public LoadReport(long read, long added, long alreadyPresent, long quads, long characters,
                      List<Rejection> rejected, long millis, long rdfFiles) {
        this(read, added, alreadyPresent, quads, characters, rejected, millis, rdfFiles, List.of());
    }

    /** A load of articles only. */
    public LoadReport(long read, long added, long alreadyPresent, long quads, long characters, List<Rejection> rejected, long millis) {
        this(read, added, alreadyPresent, quads, characters, rejected, millis, 0);
    }
}
