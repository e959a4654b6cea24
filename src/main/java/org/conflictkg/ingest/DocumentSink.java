package org.conflictkg.ingest;

/**
 * Where readers deliver what they read: documents, RDF files, and the inputs they had to reject.
 * A reader that rejects one input goes on with the next, so one bad file never stops a load.
 */
public interface DocumentSink {

    void accept(Document document);

    void reject(Rejection rejection);

    /**
     * Something in an input that was read anyway, but changed (control characters replaced); the
     * {@link Rejection} says where and what. Ignored by default.
     */
    default void warn(Rejection warning) {}

    /**
     * An RDF file of curated knowledge, read and parsed. A sink that has no use for RDF (a
     * benchmark over article texts) rejects it, which is the default.
     */
    default void acceptRdf(RdfFile file) {
        reject(Rejection.ofFile(file.fileName(), "an RDF file, not an article: only kg load takes RDF files"));
    }
}
