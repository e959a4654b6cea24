package org.conflictkg.ingest;

import java.util.Objects;

/**
 * An input that could not be read as a document, with where and why; also, as a warning, where an
 * input was read but changed (see {@link DocumentSink#warn}).
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

    /** A document that was read but could not be used, by its {@link DocumentMetadata#fileName} ({@code file#line=N} for JSON Lines). */
    public static Rejection ofDocument(DocumentMetadata metadata, String reason) {
        String name = metadata.fileName();
        int hash = name.lastIndexOf("#line=");
        if (hash > 0) {
            try {
                return new Rejection(name.substring(0, hash), Long.parseLong(name.substring(hash + 6)), reason);
            } catch (NumberFormatException e) {
                // A file really named so: keep the name whole.
            }
        }
        return ofFile(name, reason);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
