package org.conflictkg.cli;

/** The {@code kg} command. The only place that calls {@link System#exit}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = Cli.run(args, System.out, System.err);
        if (code != Cli.SERVING) {
            System.exit(code);
        }
    }
}
