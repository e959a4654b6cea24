package org.conflictkg.store;

import org.conflictkg.ingest.DocumentSink;

import java.io.IOException;

/**
 * Where a load's documents come from: it delivers them, and what it had to reject, to a sink, in
 * order. A {@link org.conflictkg.ingest.DocumentReader} over paths is one; documents already in
 * memory are another.
 *
 * <pre>{@code
 * DocumentSource files = sink -> new DocumentReader().read(List.of(Path.of("data")), sink);
 * DocumentSource batch = sink -> documents.forEach(sink::accept);
 * }</pre>
 */
@FunctionalInterface
public interface DocumentSource {

    /**
     * Delivers every document to {@code sink}.
     *
     * @throws IOException when reading fails for a reason of the machine, not of the input
     */
    void read(DocumentSink sink) throws IOException;
}
