package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.sparql.util.FmtUtils;
import org.conflictkg.reason.Materializer;
import org.conflictkg.reason.Validator;
import org.conflictkg.reason.Violation;
import org.conflictkg.store.KnowledgeStore;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code kg validate --db DIR [--limit N]}: checks the store against {@code ontology/shapes.ttl}
 * and the ontology's disjointness axioms. Writes one line per violation to standard output,
 * tab-separated: focus node, path (empty when the resource as a whole is at fault), message, and
 * the shape or axiom broken. The summary goes to standard error. Exits 0 when there are none,
 * {@link ExitCode#INVALID} (4) when there are.
 */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check the store against the SHACL shapes and the ontology's disjointness axioms (exit 4 on violations)";
    }

    @Override
    public String synopsis() {
        return "--db DIR [--base IRI] [--limit N]";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), true);
        o.addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                .desc("list at most N violations (all are counted; default: list all)").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        int limit = Integer.MAX_VALUE;
        if (line.hasOption("limit")) {
            try {
                limit = Integer.parseInt(line.getOptionValue("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 0) {
                throw new UsageException("--limit " + line.getOptionValue("limit") + ": expected a whole number, 0 or more");
            }
        }
        Validator validator = Validator.standard();
        try (KnowledgeStore store = StoreOptions.open(line)) {
            boolean current = store.read(d -> Materializer.standard(store.iris()).isCurrent(d));
            if (!current && !store.hasNoDocuments()) {
                // Validation reads inferences too; stale ones can hide or add violations.
                err.println("kg validate: the store's inferences are out of date (a load made with --reasoning none, "
                        + "or a new ontology or rule set); run kg infer first for a complete check");
            }
            List<Violation> found = store.read(validator::validate);
            int shown = 0;
            for (Violation v : found) {
                if (shown++ >= limit) {
                    break;
                }
                out.println(FmtUtils.stringForNode(v.focus()) + "\t" + v.path() + "\t" + v.message() + "\t" + v.source());
            }
            if (found.isEmpty()) {
                err.println("no violations: the store conforms to the shapes and the ontology's axioms");
                return ExitCode.OK;
            }
            long axioms = found.stream().filter(v -> v.source().startsWith("owl:")).count();
            err.printf("%d violation%s (%d of shapes, %d of the ontology's axioms)%s%n", found.size(), found.size() == 1 ? "" : "s",
                    found.size() - axioms, axioms, found.size() > limit ? "; " + limit + " listed" : "");
            return ExitCode.INVALID;
        }
    }
}
