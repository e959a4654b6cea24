package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;

/** One subcommand of {@code kg}: its options, declared in one place, and what it does. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The argument synopsis after the command name, e.g. {@code "--db DIR PATH..."}. */
    String synopsis();

    Options options();

    /**
     * Runs the command. Throws {@link UsageException} for a command line that cannot work; any
     * other exception is an environment failure.
     *
     * @return an {@link ExitCode}
     */
    int run(CommandLine line, PrintStream out, PrintStream err) throws Exception;
}
