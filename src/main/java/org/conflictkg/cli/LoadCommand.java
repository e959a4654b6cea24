package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.ingest.FieldMapping;
import org.conflictkg.ingest.Rejection;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kg load --db DIR [--base IRI] [--field ROLE=FIELD]... PATH...} */
final class LoadCommand implements Command {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String summary() {
        return "read articles (.txt, .html, .jsonl, .jsonl.gz, folders) into the store";
    }

    @Override
    public String synopsis() {
        return "--db DIR [--base IRI] [--field ROLE=FIELD]... PATH...";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), true);
        o.addOption(Option.builder().longOpt("field").hasArg().argName("ROLE=FIELD")
                .desc("JSON Lines: read ROLE (text, title, date, source, url, id, author) from FIELD, e.g. text=content_original")
                .build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress or summary").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (String a : line.getArgList()) {
            paths.add(Path.of(a));
        }
        if (paths.isEmpty()) {
            throw new UsageException("name at least one file or folder to load");
        }
        String[] fields = line.getOptionValues("field");
        FieldMapping mapping = FieldMapping.defaults().with(fields == null ? List.of() : List.of(fields));
        try (KnowledgeStore store = StoreOptions.open(line)) {
            LoadReport report = Loading.load(store, paths, new DocumentReader(mapping), line.hasOption("quiet") ? null : err);
            return report(report, out, err, line.hasOption("quiet"));
        }
    }

    static int report(LoadReport r, PrintStream out, PrintStream err, boolean quiet) {
        for (Rejection rej : r.rejected()) {
            err.println("rejected: " + rej);
        }
        if (!quiet) {
            out.printf(java.util.Locale.ROOT, "read %d documents: %d added, %d already present; %d rejected; %d quads in %.1f s%n",
                    r.read(), r.added(), r.alreadyPresent(), r.rejected().size(), r.quads(), r.millis() / 1000.0);
        }
        return r.rejected().isEmpty() ? ExitCode.OK : ExitCode.INPUT_REJECTED;
    }
}
