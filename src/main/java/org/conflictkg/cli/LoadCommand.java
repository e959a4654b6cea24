package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.ingest.FieldMapping;
import org.conflictkg.ingest.Rejection;
import org.conflictkg.reason.Materializer;
import org.conflictkg.reason.Reasoning;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kg load --db DIR [--base IRI] [--reasoning none|full] [--compact] [--field ROLE=FIELD]... [--log-commits] [--commit-quads N] PATH...} */
final class LoadCommand implements Command {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String summary() {
        return "read articles (.txt, .html, .jsonl, .jsonl.gz, folders) and RDF files (.ttl, .nt, .nq, .trig, .jsonld) into the store";
    }

    @Override
    public String synopsis() {
        return "--db DIR [--base IRI] [--reasoning none|full] [--compact] [--field ROLE=FIELD]... [--log-commits] [--commit-quads N] PATH...";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), true);
        o.addOption(Option.builder().longOpt("field").hasArg().argName("ROLE=FIELD")
                .desc("JSON Lines: read ROLE (text, title, date, source, url, id, author) from FIELD, e.g. text=content_original")
                .build());
        o.addOption(Option.builder().longOpt("reasoning").hasArg().argName("none|full")
                .desc("full (default): write the inferences of each batch as it is stored; none: skip them "
                        + "(faster; kg infer brings them up to date later)")
                .build());
        o.addOption(Option.builder().longOpt("compact")
                .desc("after the load, rewrite the store without the space earlier transactions left behind (worth it after a large load)")
                .build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress or summary").build());
        o.addOption(Option.builder().longOpt("commit-quads").hasArg().argName("N")
                .desc("commit the write transaction once it holds N quads, between batches of documents (default "
                        + KnowledgeStore.TRANSACTION_QUADS + "; 1 commits after every batch of " + KnowledgeStore.BATCH_DOCUMENTS + " documents)")
                .build());
        o.addOption(Option.builder().longOpt("log-commits")
                .desc("progress as a line per committed batch on stderr, also when it is not a terminal (for the log of a long load)")
                .build());
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
        Reasoning reasoning = Reasoning.parse(line.getOptionValue("reasoning", "full"));
        boolean quiet = line.hasOption("quiet");
        long commitQuads = commitQuads(line.getOptionValue("commit-quads"));
        try (KnowledgeStore store = StoreOptions.open(line)) {
            store.setCommitQuads(commitQuads);
            Materializer materializer = reasoning == Reasoning.FULL ? Materializer.standard(store.iris()) : null;
            DocumentReader reader = new DocumentReader(mapping).withRdfBase(store.iris().base());
            LoadReport report = Loading.load(store, paths, reader, quiet ? null : err, materializer, line.hasOption("log-commits"));
            int code = report(report, out, err, quiet);
            if (!quiet && report.added() > 0) {
                reportReuseIndex(store.lastReuseIndexing(), out);
            }
            if (!quiet && (report.added() > 0 || report.rdfFiles() > 0)) {
                if (materializer == null) {
                    out.println("reasoning: none; the store's inferences are out of date until kg infer");
                } else {
                    Materializer.Totals t = materializer.totals();
                    out.printf(java.util.Locale.ROOT, "reasoning: %d new conclusions from %d rule applications in %.1f s%s%n",
                            t.newConclusions(), t.derivations(), t.nanos() / 1e9, t.fullRuns() > 0 ? " (all recomputed)" : "");
                }
            }
            if (line.hasOption("compact")) {
                long before = sizeOnDisk(StoreOptions.db(line));
                long t0 = System.nanoTime();
                store.compact();
                if (!quiet) {
                    out.printf(java.util.Locale.ROOT, "compacted: %d MB to %d MB in %.1f s%n", before >> 20,
                            sizeOnDisk(StoreOptions.db(line)) >> 20, (System.nanoTime() - t0) / 1e9);
                }
            }
            return code;
        }
    }

    /** Says where the reuse indexes came from, so that a slow first load into a large store is explained. */
    private static void reportReuseIndex(String indexing, PrintStream out) {
        String[] parts = indexing.split(", ", 2);
        String source = parts[0].substring(0, parts[0].indexOf(' '));
        String what = parts[0].substring(source.length() + 1);
        String saved = parts.length > 1 ? "; " + parts[1] : "";
        switch (source) {
            case "snapshot" -> out.println("reuse index: " + what + ", read from the snapshot the last load left beside the store" + saved);
            case "log" -> out.println("reuse index: " + what + ", read from the signature log beside the store" + saved);
            case "store" -> out.println("reuse index: " + what + ", rebuilt from the store (its signature log was missing or"
                    + " out of date); later loads read the log" + saved);
            default -> {
                // none or empty: nothing was read, nothing to explain
            }
        }
    }

    private static long commitQuads(String value) {
        if (value == null) {
            return KnowledgeStore.TRANSACTION_QUADS;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new UsageException("--commit-quads " + value + ": expected a whole number of quads, at least 1");
    }

    private static long sizeOnDisk(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            return walk.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static int report(LoadReport r, PrintStream out, PrintStream err, boolean quiet) {
        for (Rejection w : r.warnings()) {
            err.println("warning: " + w);
        }
        for (Rejection rej : r.rejected()) {
            err.println("rejected: " + rej);
        }
        if (!quiet) {
            out.printf(java.util.Locale.ROOT, "read %d documents: %d added, %d already present; %d rejected; %d quads in %.1f s%n",
                    r.read(), r.added(), r.alreadyPresent(), r.rejected().size(), r.quads(), r.millis() / 1000.0);
            if (r.rdfFiles() > 0) {
                out.printf("stored %d RDF file%s, each in a graph of its own (BASE/graph/file/NAME)%n", r.rdfFiles(),
                        r.rdfFiles() == 1 ? "" : "s");
            }
        }
        return r.rejected().isEmpty() ? ExitCode.OK : ExitCode.INPUT_REJECTED;
    }
}
