package org.conflictkg.store;

import org.conflictkg.ingest.Rejection;

/** Hears how a load is going, for progress display. Called on the loading thread. */
public interface LoadListener {

    LoadListener SILENT = new LoadListener() {};

    /** A batch of documents was committed; {@code done} documents are now settled in all. */
    default void committed(long done, long added, long bytes) {}

    default void rejected(Rejection rejection) {}
}
