package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.conflictkg.store.KnowledgeStore;

import java.io.PrintStream;

/** {@code kg stats --db DIR}: documents, quads, and entities by type. */
final class StatsCommand implements Command {

    private static final String ENTITIES_BY_TYPE = """
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            SELECT ?type (COUNT(DISTINCT ?entity) AS ?n) WHERE {
              ?mention ckg:refersTo ?entity .
              ?entity a ?type .
              FILTER(STRSTARTS(STR(?type), STR(ckg:)))
            } GROUP BY ?type ORDER BY DESC(?n) ?type
            """;

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String summary() {
        return "count documents, quads, and mentioned entities by type";
    }

    @Override
    public String synopsis() {
        return "--db DIR";
    }

    @Override
    public Options options() {
        return StoreOptions.add(new Options(), true);
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        try (KnowledgeStore store = StoreOptions.open(line)) {
            store.read(dsg -> {
                long documents = count(dsg, """
                        PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                        SELECT (COUNT(DISTINCT ?d) AS ?n) { GRAPH ?d { ?d a ckg:Document } }""");
                long quads = 0;
                var it = dsg.find();
                while (it.hasNext()) {
                    it.next();
                    quads++;
                }
                out.printf("documents\t%d%n", documents);
                out.printf("quads\t%d%n", quads);
                try (QueryExec exec = QueryExec.dataset(dsg).query(QueryFactory.create(ENTITIES_BY_TYPE)).build()) {
                    RowSet rows = exec.select();
                    rows.forEachRemaining(b -> out.printf("entities:%s\t%s%n",
                            b.get("type").getLocalName(), b.get("n").getLiteralLexicalForm()));
                }
                return null;
            });
        }
        return ExitCode.OK;
    }

    private static long count(org.apache.jena.sparql.core.DatasetGraph dsg, String q) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(QueryFactory.create(q)).build()) {
            RowSet rows = exec.select();
            return rows.hasNext() ? Long.parseLong(rows.next().get("n").getLiteralLexicalForm()) : 0;
        }
    }
}
