package org.conflictkg.ingest;

import java.util.Objects;

/**
 * An input that could not be read as a document, with where and why.
 *
 * @param file the file, as the user named it or as found under a folder
 * @param line 1-based line for line-oriented formats, or 0 when the whole file is rejected
 * @param reason what is wrong, phrased so the user can fix it
 */
public record Rejection(String file, long line, String reason) {

    public Rejection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line=" + line + ": must be >= 0");
        }
    }

    public static Rejection ofFile(String file, String reason) {
        return new Rejection(file, 0, reason);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
