package org.conflictkg.ingest;

import java.util.Objects;

/**
 * What is known about a document besides its text. Every field but {@code fileName} may be null.
 *
 * @param title headline
 * @param date publication date as given (ISO 8601 where the source gives it so)
 * @param source the outlet
 * @param url where it was published
 * @param author byline
 * @param externalId an identifier the source assigned (JSON Lines {@code id})
 * @param fileName the file it was read from, relative to the path given; for JSON Lines
 *     {@code file#line=N}
 */
public record DocumentMetadata(
        String title, String date, String source, String url, String author, String externalId, String fileName) {

    public DocumentMetadata {
        Objects.requireNonNull(fileName, "fileName");
        title = blankToNull(title);
        date = blankToNull(date);
        source = blankToNull(source);
        url = blankToNull(url);
        author = blankToNull(author);
        externalId = blankToNull(externalId);
    }

    /** Metadata that knows only where the text came from. */
    public static DocumentMetadata ofFile(String fileName) {
        return new DocumentMetadata(null, null, null, null, null, null, fileName);
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() || t.equalsIgnoreCase("unknown") ? null : t;
    }
}
