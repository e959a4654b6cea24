package org.conflictkg.eval;

/**
 * A gold file (an annotation file or its text) cannot be read as it is written: the input is bad,
 * not the machine. The message names the file and, where there is one, the line
 * ({@code "a_4e07.ann:12: ..."}).
 */
public final class MalformedGoldException extends Exception {

    private final String fileName;
    private final int line;

    /**
     * @param fileName the file at fault
     * @param line its 1-based line, or 0 when the fault is in the file as a whole
     * @param reason what is wrong, and where it helps, how to fix it
     */
    public MalformedGoldException(String fileName, int line, String reason) {
        super(fileName + (line > 0 ? ":" + line : "") + ": " + reason);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    /** The 1-based line at fault, or 0 for the file as a whole. */
    public int line() {
        return line;
    }
}
