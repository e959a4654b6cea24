package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.KnowledgeStore;

import java.nio.file.Path;

/** The options every store-using command shares: {@code --db} and {@code --base}. */
final class StoreOptions {

    private StoreOptions() {}

    static Options add(Options o, boolean dbRequired) {
        o.addOption(Option.builder().longOpt("db").hasArg().argName("DIR").required(dbRequired)
                .desc("the TDB2 store folder" + (dbRequired ? "" : " (default ./db)")).build());
        o.addOption(Option.builder().longOpt("base").hasArg().argName("IRI")
                .desc("base IRI of minted resources (default " + Iris.DEFAULT_BASE + ")").build());
        return o;
    }

    static Path db(CommandLine line) {
        return Path.of(line.getOptionValue("db", "db"));
    }

    static Iris iris(CommandLine line) {
        return new Iris(line.getOptionValue("base", Iris.DEFAULT_BASE));
    }

    static KnowledgeStore open(CommandLine line) {
        return KnowledgeStore.open(db(line), iris(line));
    }
}
