package org.conflictkg.store;

import org.conflictkg.ingest.Rejection;

/** Hears how a load is going, for progress display and for reporting what was written. Called on the loading thread. */
public interface LoadListener {

    LoadListener SILENT = new LoadListener() {};

    /** A batch of documents was committed; {@code done} documents are now settled in all. */
    default void committed(long done, long added, long bytes) {}

    default void rejected(Rejection rejection) {}

    /**
     * A document's graph is settled: {@code added} when its batch wrote it, false when the store
     * already held its text. Called after the batch committed.
     */
    default void stored(org.apache.jena.graph.Node graph, boolean added) {}
}
