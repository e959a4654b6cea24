package org.conflictkg.ingest;

/**
 * Where readers deliver what they read: documents, and the inputs they had to reject. A reader
 * that rejects one input goes on with the next, so one bad file never stops a load.
 */
public interface DocumentSink {

    void accept(Document document);

    void reject(Rejection rejection);
}
