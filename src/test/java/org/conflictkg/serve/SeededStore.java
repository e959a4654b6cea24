package org.conflictkg.serve;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.conflictkg.cli.Cli;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.KnowledgeStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A store loaded through {@code kg load} from the project's {@code data/} articles plus one
 * hostile article whose title and text carry markup, for the server tests.
 */
final class SeededStore {

    static final String SDF = "id/actor/syrian-democratic-forces";
    static final String HOSTILE_TITLE = "<script>alert('title')</script> Siege & \"quotes\"";

    private SeededStore() {}

    static KnowledgeStore load(Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (var seeds = Files.list(Path.of("data"))) {
            for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.copy(seed, in.resolve(seed.getFileName()));
            }
        }
        Files.writeString(in.resolve("hostile.txt"), "Title: " + HOSTILE_TITLE + "\nDate: 2017-09-14\n\n"
                + "The <script>alert(1)</script> siege of Aleppo went on. "
                + "U.S.-backed Syrian Democratic Forces said <img src=x onerror=alert(2)> nothing.\n");
        Path db = tmp.resolve("db");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"load", "--db", db.toString(), in.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("kg load failed (" + code + "): " + err.toString(StandardCharsets.UTF_8));
        }
        return KnowledgeStore.open(db, Iris.defaults());
    }

    /** The IRI of the document whose title starts with {@code prefix}. */
    static String documentTitled(KnowledgeStore store, String prefix) {
        return store.read(d -> {
            var it = d.find(Node.ANY, Node.ANY, DCTerms.title.asNode(), Node.ANY);
            while (it.hasNext()) {
                var q = it.next();
                if (q.getObject().getLiteralLexicalForm().startsWith(prefix)) {
                    return q.getSubject().getURI();
                }
            }
            throw new IllegalStateException("no document titled " + prefix);
        });
    }
}
