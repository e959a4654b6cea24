package org.conflictkg.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain-text article with an optional header of {@code Key: value} lines ended by a blank
 * line, as in:
 *
 * <pre>
 * Title: Fighting resumes near the dam
 * Date: 2017-09-10
 * Source: Example Wire
 *
 * Body text ...
 * </pre>
 *
 * <p>The header is recognised only when its first line is one of the known keys (Title, Date,
 * Source, URL, Author), so a body that opens with "Note: ..." stays body. The document text is the
 * body; its offset in the file is kept so spans can be found again there.
 */
public final class PlainTextFormat {

    private static final Set<String> KEYS = Set.of("title", "date", "source", "url", "author", "id");

    private PlainTextFormat() {}

    /** Splits {@code content} into header fields and body; returns null when the body is empty. */
    public static Document parse(String content, String fileName) {
        Map<String, String> header = new HashMap<>();
        int bodyStart = 0;
        int pos = 0;
        boolean first = true;
        while (pos < content.length()) {
            int eol = content.indexOf('\n', pos);
            int lineEnd = eol < 0 ? content.length() : eol;
            String line = content.substring(pos, lineEnd).stripTrailing();
            if (line.isEmpty()) {
                if (!header.isEmpty()) {
                    bodyStart = eol < 0 ? content.length() : eol + 1;
                }
                break;
            }
            int colon = line.indexOf(':');
            String key = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
            if (!KEYS.contains(key)) {
                if (!first) {
                    // A header must end with a blank line: otherwise this was never a header.
                    header.clear();
                }
                break;
            }
            header.put(key, line.substring(colon + 1).strip());
            first = false;
            pos = eol < 0 ? content.length() : eol + 1;
        }
        if (header.isEmpty()) {
            bodyStart = 0;
        }
        String body = content.substring(bodyStart);
        if (body.isBlank()) {
            return null;
        }
        DocumentMetadata meta = new DocumentMetadata(
                header.get("title"), header.get("date"), header.get("source"), header.get("url"),
                header.get("author"), header.get("id"), fileName);
        return new Document(body, meta, content.codePointCount(0, bodyStart));
    }
}
