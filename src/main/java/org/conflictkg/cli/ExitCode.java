package org.conflictkg.cli;

/** The exit codes of every subcommand. */
public final class ExitCode {

    private ExitCode() {}

    public static final int OK = 0;
    /** The command line was wrong: an unknown option, a missing argument. */
    public static final int USAGE = 1;
    /** Some inputs were rejected; the rest were processed. */
    public static final int INPUT_REJECTED = 2;
    /** The environment failed: a locked store, a disk error, a port in use. */
    public static final int ENVIRONMENT = 3;
    /**
     * The store was read whole but does not conform: {@code kg validate} found violations of the
     * shapes or of the ontology's axioms. Distinct from 2 (inputs rejected at load) and 3 (the check
     * could not run), so that a script can tell bad data from a failed check.
     */
    public static final int INVALID = 4;
}
