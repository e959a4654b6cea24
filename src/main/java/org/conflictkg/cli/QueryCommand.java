package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSet;
import org.conflictkg.store.KnowledgeStore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code kg query --db DIR [--format table|csv|tsv|json|xml] (FILE.rq | -e 'SPARQL')} */
final class QueryCommand implements Command {

    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "run a SPARQL query over the store (all graphs as the default graph)";
    }

    @Override
    public String synopsis() {
        return "--db DIR [--format table|csv|tsv|json|xml] (FILE.rq | -e 'SPARQL')";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), true);
        o.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("result format: table (default), csv, tsv, json (SPARQL 1.1 JSON results), xml").build());
        o.addOption(Option.builder("e").longOpt("expr").hasArg().argName("SPARQL").desc("the query text").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String text = queryText(line);
        String format = line.getOptionValue("format", "table");
        if (!java.util.List.of("table", "csv", "tsv", "json", "xml").contains(format)) {
            throw new UsageException("--format " + format + ": expected table, csv, tsv, json or xml");
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new UsageException("the query does not parse: " + e.getMessage());
        }
        try (KnowledgeStore store = StoreOptions.open(line)) {
            store.read(dsg -> {
                try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                    if (query.isSelectType()) {
                        writeRows(exec.select(), query, format, out);
                    } else if (query.isAskType()) {
                        boolean b = exec.ask();
                        switch (format) {
                            case "json" -> ResultSetMgr.write(out, b, ResultSetLang.RS_JSON);
                            case "xml" -> ResultSetMgr.write(out, b, ResultSetLang.RS_XML);
                            default -> out.println(b ? "yes" : "no");
                        }
                    } else if (query.isConstructType() || query.isDescribeType()) {
                        var g = query.isConstructType() ? exec.construct() : exec.describe();
                        RDFDataMgr.write(out, g, Lang.TURTLE);
                    } else {
                        exec.select();
                    }
                }
                return null;
            });
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void writeRows(RowSet rows, Query query, String format, PrintStream out) {
        ResultSet rs = ResultSet.adapt(rows);
        switch (format) {
            case "csv" -> ResultSetMgr.write(out, rs, ResultSetLang.RS_CSV);
            case "tsv" -> ResultSetMgr.write(out, rs, ResultSetLang.RS_TSV);
            case "json" -> ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
            case "xml" -> ResultSetMgr.write(out, rs, ResultSetLang.RS_XML);
            default -> ResultSetFormatter.out(out, rs, query.getPrefixMapping());
        }
    }

    private static String queryText(CommandLine line) throws java.io.IOException {
        boolean inline = line.hasOption("expr");
        var args = line.getArgList();
        if (inline == !args.isEmpty() || args.size() > 1) {
            throw new UsageException("give exactly one query: a FILE.rq or -e 'SPARQL'");
        }
        if (inline) {
            return line.getOptionValue("expr");
        }
        try {
            return Files.readString(Path.of(args.get(0)));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such query file: " + args.get(0));
        }
    }
}
