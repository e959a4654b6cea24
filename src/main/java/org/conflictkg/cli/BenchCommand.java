package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.conflictkg.bench.CoverageReport;
import org.conflictkg.bench.LoadBenchmark;
import org.conflictkg.bench.MatcherBenchmark;
import org.conflictkg.bench.QuotationBenchmark;
import org.conflictkg.bench.ReasoningBenchmark;
import org.conflictkg.bench.RepostBenchmark;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.ingest.DocumentSink;
import org.conflictkg.ingest.FieldMapping;
import org.conflictkg.ingest.Rejection;
import org.conflictkg.store.KnowledgeStore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kg bench [matcher|coverage|quotations|reposts|reasoning|load] [--limit N] [--rounds N] PATH...}: measurements that
 * are not tests. Without a path it uses the Syria corpus beside the project
 * ({@code ../shared/corpus/syria}) when present; {@code load} uses the AllSides corpus
 * ({@code ../shared/corpus/allsides_baly2020}, its text in {@code content_original}).
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure the matcher's and the quotation stages' speed, the extractor's coverage of a corpus, how repost finding scales"
                + ", what reasoning costs at load, and a whole load against Jena's bulk loader with the queries' latency after it";
    }

    @Override
    public String synopsis() {
        return "(matcher|coverage|quotations|reposts|reasoning|load|queries) [--limit N] [--rounds N] [--top N] [--batch N] [--clients N] [--page N]"
                + " [--queries DIR] [--field ROLE=FIELD]... [PATH...]";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), false);
        o.addOption(Option.builder().longOpt("limit").hasArg().argName("N").desc("read at most N documents").build());
        o.addOption(Option.builder().longOpt("rounds").hasArg().argName("N").desc("timed rounds, best kept (default 5; 3 for reposts)").build());
        o.addOption(Option.builder().longOpt("top").hasArg().argName("N").desc("coverage: unlinked names to list (default 30); reposts: pairs to show (default 10)").build());
        o.addOption(Option.builder().longOpt("field").hasArg().argName("ROLE=FIELD").desc("JSON Lines field mapping, as for load").build());
        o.addOption(Option.builder().longOpt("batch").hasArg().argName("N")
                .desc("reasoning: articles per batch added after the --limit articles (default 64; --rounds batches, default 3);"
                        + " load: articles added to the loaded store and to an empty one (default 100)").build());
        o.addOption(Option.builder().longOpt("clients").hasArg().argName("N").desc("load: concurrent query clients measured against 1 (default 8)").build());
        o.addOption(Option.builder().longOpt("page").hasArg().argName("N")
                .desc("load: rows asked of a query that has no LIMIT, as a client pages (default 100; 0: every row)").build());
        o.addOption(Option.builder().longOpt("queries").hasArg().argName("DIR").desc("load: the competency queries (default queries/)").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        if (!line.getArgList().isEmpty() && line.getArgList().get(0).equals("reasoning")) {
            return reasoning(line, out);
        }
        if (!line.getArgList().isEmpty() && line.getArgList().get(0).equals("load")) {
            return load(line, out);
        }
        if (!line.getArgList().isEmpty() && line.getArgList().get(0).equals("queries")) {
            return queries(line, out);
        }
        List<String> args = new ArrayList<>(line.getArgList());
        if (args.isEmpty() || !List.of("matcher", "coverage", "quotations", "reposts").contains(args.get(0))) {
            throw new UsageException("name what to measure: matcher, coverage, quotations, reposts, reasoning or load");
        }
        String what = args.remove(0);
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Path.of(a));
        }
        if (paths.isEmpty()) {
            Path corpus = Path.of("..", "shared", "corpus", "syria");
            if (!Files.isDirectory(corpus)) {
                throw new UsageException("no corpus given and none at " + corpus);
            }
            paths.add(corpus);
        }
        int limit = intOption(line, "limit", Integer.MAX_VALUE);
        String[] fields = line.getOptionValues("field");
        List<Document> docs = new ArrayList<>();
        // Reposts keeps only folded texts, so that a corpus of tens of thousands of articles fits.
        RepostBenchmark.Corpus corpus = new RepostBenchmark.Corpus();
        new DocumentReader(FieldMapping.defaults().with(fields == null ? List.of() : List.of(fields))).read(paths, new DocumentSink() {
            @Override
            public void accept(Document d) {
                if (what.equals("reposts")) {
                    if (corpus.size() < limit) {
                        corpus.add(d);
                    }
                } else if (docs.size() < limit) {
                    docs.add(d);
                }
            }

            @Override
            public void reject(Rejection r) {
                err.println("rejected: " + r);
            }
        });
        if (what.equals("reposts")) {
            if (corpus.size() < 4) {
                throw new UsageException("reposts needs at least 4 documents, found " + corpus.size() + " in " + paths);
            }
            RepostBenchmark.run(corpus, intOption(line, "rounds", 3), intOption(line, "top", 10), out);
        } else if (what.equals("matcher")) {
            MatcherBenchmark.run(docs, Loading.gazetteer(), intOption(line, "rounds", 5), out);
        } else if (what.equals("quotations")) {
            QuotationBenchmark.run(docs, Pipeline.standard(Loading.gazetteer()), intOption(line, "rounds", 5), out);
        } else {
            CoverageReport.run(docs, Pipeline.standard(Loading.gazetteer()), intOption(line, "top", 30), out);
        }
        return ExitCode.OK;
    }

    private static int intOption(CommandLine line, String name, int dflt) {
        String v = line.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + v + ": expected a positive whole number");
        }
    }

    /**
     * {@code kg bench load [--limit N] [--batch B] [--clients C] [--rounds R] [--page P] [--queries DIR]
     * [--field ROLE=FIELD]... [PATH...]}: a whole load against Jena's bulk loader, each stage's speed,
     * a batch into the loaded store against an empty one, and the queries' latency over HTTP
     * ({@link LoadBenchmark}).
     */
    private static int load(CommandLine line, PrintStream out) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (String a : line.getArgList().subList(1, line.getArgList().size())) {
            paths.add(Path.of(a));
        }
        List<String> fields = new ArrayList<>();
        if (line.getOptionValues("field") != null) {
            fields.addAll(List.of(line.getOptionValues("field")));
        }
        if (paths.isEmpty()) {
            Path corpus = Path.of("..", "shared", "corpus", "allsides_baly2020");
            if (!Files.isDirectory(corpus)) {
                throw new UsageException("no corpus given and none at " + corpus);
            }
            paths.add(corpus);
            if (fields.isEmpty()) {
                fields.add("text=content_original");
            }
        }
        DocumentReader reader = new DocumentReader(FieldMapping.defaults().with(fields));
        LoadBenchmark.run(sink -> reader.read(paths, sink), loadSettings(line), Loading.gazetteer(), out);
        return ExitCode.OK;
    }

    /**
     * {@code kg bench queries --db DIR [--clients C] [--rounds R] [--page P] [--queries DIR]}: the
     * queries' latency over HTTP against a store already loaded, as the last part of {@code load}.
     */
    private static int queries(CommandLine line, PrintStream out) throws Exception {
        if (!line.hasOption("db")) {
            throw new UsageException("queries needs --db DIR: the store to query");
        }
        try (KnowledgeStore store = StoreOptions.open(line)) {
            LoadBenchmark.queryLatencies(store, loadSettings(line), new java.util.LinkedHashMap<>(), out);
        }
        return ExitCode.OK;
    }

    private static LoadBenchmark.Settings loadSettings(CommandLine line) {
        Path queries = Path.of(line.getOptionValue("queries", "queries"));
        if (!line.hasOption("queries") && !Files.isDirectory(queries) && System.getenv("KG_HOME") != null) {
            queries = Path.of(System.getenv("KG_HOME"), "queries");
        }
        if (!Files.isDirectory(queries)) {
            throw new UsageException("--queries " + queries + ": no such folder of .rq files");
        }
        String page = line.getOptionValue("page", "100");
        int pageRows;
        try {
            pageRows = Integer.parseInt(page);
            if (pageRows < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--page " + page + ": expected a whole number, 0 for every row");
        }
        return new LoadBenchmark.Settings(intOption(line, "limit", Integer.MAX_VALUE), intOption(line, "batch", 100),
                intOption(line, "clients", 8), intOption(line, "rounds", 5), pageRows, queries);
    }

    /**
     * {@code kg bench reasoning --limit N [--batch B] [--rounds R] [--field ROLE=FIELD]... FILE.jsonl[.gz]}:
     * what materialization costs in a load and how it grows with the store ({@link ReasoningBenchmark}).
     * It loads into temporary stores, so it reads its corpus itself rather than into memory.
     */
    private static int reasoning(CommandLine line, PrintStream out) throws Exception {
        List<String> args = line.getArgList();
        if (args.size() != 2) {
            throw new UsageException("reasoning needs one JSON Lines file (.jsonl or .jsonl.gz), e.g. "
                    + "kg bench reasoning --limit 2000 --field text=content_original articles.jsonl.gz");
        }
        if (!line.hasOption("limit")) {
            throw new UsageException("reasoning needs --limit N: the articles of the large store");
        }
        String[] fields = line.getOptionValues("field");
        ReasoningBenchmark.run(Path.of(args.get(1)), FieldMapping.defaults().with(fields == null ? List.of() : List.of(fields)),
                intOption(line, "limit", 0), intOption(line, "batch", 64), intOption(line, "rounds", 3), Loading.gazetteer(), out);
        return ExitCode.OK;
    }
}
