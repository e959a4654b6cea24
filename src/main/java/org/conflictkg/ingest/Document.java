package org.conflictkg.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A news article as read: its text and what is known about it.
 *
 * <p>The text is exactly what every recorded offset refers to. Its identity is the SHA-256 of the
 * text in UTF-8, so the same text read twice, from any file, is the same document.
 *
 * @param text the article text; never empty
 * @param metadata title, date, source and where it was read from
 * @param textOffset where {@code text} begins in its file, in code points (after a metadata header)
 */
public record Document(String text, DocumentMetadata metadata, int textOffset) {

    public Document {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        if (text.isBlank()) {
            throw new IllegalArgumentException("Document text is empty: " + metadata.fileName());
        }
        if (textOffset < 0) {
            throw new IllegalArgumentException("textOffset=" + textOffset + ": must be >= 0");
        }
    }

    public Document(String text, DocumentMetadata metadata) {
        this(text, metadata, 0);
    }

    /** SHA-256 of the text in UTF-8, as 64 lower-case hex digits. */
    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The text length in Unicode code points, the unit of every offset. */
    public int length() {
        return text.codePointCount(0, text.length());
    }
}
