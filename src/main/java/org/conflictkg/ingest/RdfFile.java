package org.conflictkg.ingest;

import org.apache.jena.graph.Triple;

import java.util.List;
import java.util.Objects;

/**
 * An RDF file read whole: curated knowledge an analyst loads beside the articles (an actor list,
 * a formal alliance's members), which the rules then reason over like any other fact.
 *
 * @param fileName the file, as the user named it or as found under a folder; it names the graph
 *     the triples go to
 * @param contentHash SHA-256 of the file's bytes, hex: the store replaces the graph only when it
 *     changes
 * @param triples the file's triples. A quad format's graph names (TriG, N-Quads) are dropped: the
 *     file is the unit an analyst curates, so it is one graph
 */
public record RdfFile(String fileName, String contentHash, List<Triple> triples) {

    public RdfFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentHash, "contentHash");
        triples = List.copyOf(triples);
        if (triples.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": an RDF file with no triples");
        }
    }
}
