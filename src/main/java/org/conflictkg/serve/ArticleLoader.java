package org.conflictkg.serve;

import org.conflictkg.store.LoadListener;
import org.conflictkg.store.LoadReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the server stores articles posted to its ingest: the pipeline of {@code kg load}, given by
 * the command that starts the server, so that a posted article becomes exactly what loading the
 * same file would make. The server calls it from one request at a time.
 */
@FunctionalInterface
public interface ArticleLoader {

    /**
     * Reads, analyses and stores the article files, telling {@code listener} each document stored.
     *
     * @throws IOException when the machine failed (not the input, which is rejected in the report)
     */
    LoadReport load(List<Path> files, LoadListener listener) throws IOException;
}
