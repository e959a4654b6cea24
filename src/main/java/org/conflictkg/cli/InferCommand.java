package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.conflictkg.reason.Materializer;
import org.conflictkg.store.KnowledgeStore;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code kg infer --db DIR}: recomputes every inference, its provenance and the alliance blocs
 * from the rest of the store, in one transaction. Needed after loads made with {@code
 * --reasoning none}; harmless at any time, since the result depends only on the data.
 */
final class InferCommand implements Command {

    @Override
    public String name() {
        return "infer";
    }

    @Override
    public String summary() {
        return "recompute all inferences (rules of ontology/rules.rules), their provenance and the alliance blocs";
    }

    @Override
    public String synopsis() {
        return "--db DIR [--base IRI]";
    }

    @Override
    public Options options() {
        return StoreOptions.add(new Options(), true);
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        try (KnowledgeStore store = StoreOptions.open(line)) {
            Materializer materializer = Materializer.standard(store.iris());
            Materializer.Totals t = materializer.recomputeAll(store);
            long inferred = store.read(d -> KnowledgeStore.countQuads(d, store.iris().inferencesGraph()));
            long provenance = store.read(d -> KnowledgeStore.countQuads(d, store.iris().provenanceGraph()));
            out.printf(Locale.ROOT, "inferred %d triples from %d rule applications (%d provenance quads) in %.1f s%n",
                    inferred, t.derivations(), provenance, t.nanos() / 1e9);
        }
        return ExitCode.OK;
    }

}
