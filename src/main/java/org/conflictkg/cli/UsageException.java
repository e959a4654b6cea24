package org.conflictkg.cli;

/** The command line cannot be carried out as written; the message names the fix. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
