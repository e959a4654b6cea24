package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.conflictkg.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code kg COMMAND [options]}, runs the command and turns its outcome into an exit code.
 * Tests call {@link #run} and get the code back without the JVM exiting.
 */
public final class Cli {

    /** Returned by {@code serve}: the server runs on, so the JVM must not exit. */
    static final int SERVING = -1;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : new Command[] {
                new LoadCommand(), new InferCommand(), new ValidateCommand(), new QueryCommand(), new ExportCommand(), new ServeCommand(), new StatsCommand(), new BenchCommand(),
                new EvalCommand()}) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printCommands(args.length == 0 ? err : out);
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("kg: unknown command '" + args[0] + "'");
            printCommands(err);
            return ExitCode.USAGE;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        if (java.util.Arrays.asList(rest).contains("--help") || java.util.Arrays.asList(rest).contains("-h")) {
            // Before parsing, so that help works without the options a command requires.
            printHelp(command, out);
            return ExitCode.OK;
        }
        try {
            CommandLine line = new DefaultParser().parse(options, rest);
            return command.run(line, out, err);
        } catch (ParseException | UsageException | IllegalArgumentException e) {
            err.println("kg " + command.name() + ": " + e.getMessage());
            err.println("Usage: kg " + command.name() + " " + command.synopsis() + "   (kg " + command.name() + " --help)");
            return ExitCode.USAGE;
        } catch (StoreException | IOException e) {
            err.println("kg " + command.name() + ": " + e.getMessage());
            return ExitCode.ENVIRONMENT;
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            err.println("kg " + command.name() + ": failed: " + e);
            return ExitCode.ENVIRONMENT;
        }
    }

    private static void printCommands(PrintStream out) {
        out.println("Usage: kg COMMAND [options]   (kg COMMAND --help for its options)");
        out.println();
        for (Command c : COMMANDS.values()) {
            out.printf("  %-8s %s%n", c.name(), c.summary());
        }
    }

    private static void printHelp(Command command, PrintStream out) {
        PrintWriter w = new PrintWriter(out, true);
        HelpFormatter f = new HelpFormatter();
        f.printHelp(w, 100, "kg " + command.name() + " " + command.synopsis(), command.summary(),
                command.options(), 2, 2, "", false);
        w.flush();
    }
}
