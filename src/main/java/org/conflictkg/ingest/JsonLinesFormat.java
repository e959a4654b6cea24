package org.conflictkg.ingest;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON Lines: one article per line, as a JSON object. A line that is not JSON, or has no
 * text, is rejected with its line number and the others are read; blank lines are skipped. A line
 * longer than {@link DocumentReader#MAX_ARTICLE_BYTES} is rejected without being held in memory.
 */
public final class JsonLinesFormat {

    private JsonLinesFormat() {}

    /**
     * Reads every line of {@code in}, delivering documents and rejections to {@code sink}.
     *
     * @throws IOException when the stream itself fails (the environment, not the input)
     */
    public static void read(InputStream in, String fileName, FieldMapping fields, DocumentSink sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
        long lineNo = 0;
        long lineBytes = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    lineBytes = append(line, lineBytes, buf, from, i);
                    endLine(line, lineBytes, fileName, ++lineNo, fields, sink);
                    lineBytes = 0;
                    from = i + 1;
                }
            }
            lineBytes = append(line, lineBytes, buf, from, n);
        }
        if (lineBytes > 0) {
            endLine(line, lineBytes, fileName, ++lineNo, fields, sink);
        }
    }

    /** Adds bytes to the line, keeping none once it is too long to be an article (it is only counted on). */
    private static long append(ByteArrayOutputStream line, long lineBytes, byte[] buf, int from, int to) {
        long total = lineBytes + (to - from);
        if (total > DocumentReader.MAX_ARTICLE_BYTES) {
            line.reset();
        } else {
            line.write(buf, from, to - from);
        }
        return total;
    }

    private static void endLine(ByteArrayOutputStream line, long lineBytes, String fileName, long lineNo, FieldMapping fields,
                                DocumentSink sink) {
        if (lineBytes > DocumentReader.MAX_ARTICLE_BYTES) {
            sink.reject(new Rejection(fileName, lineNo, "a line of " + DocumentReader.tooLarge(lineBytes)));
        } else {
            readLine(line.toByteArray(), fileName, lineNo, fields, sink);
        }
        line.reset();
    }

    private static void readLine(byte[] bytes, String fileName, long lineNo, FieldMapping fields, DocumentSink sink) {
        TextDecoder.Result decoded = TextDecoder.decode(bytes);
        if (decoded instanceof TextDecoder.Refused r) {
            if (!r.reason().startsWith("empty")) {
                sink.reject(new Rejection(fileName, lineNo, r.reason()));
            }
            return;
        }
        String json = ((TextDecoder.Decoded) decoded).text();
        JsonValue value;
        try {
            value = JSON.parseAny(json);
        } catch (JsonParseException e) {
            sink.reject(new Rejection(fileName, lineNo, "not JSON: " + firstLine(e.getMessage())));
            return;
        } catch (RuntimeException e) {
            sink.reject(new Rejection(fileName, lineNo, "not JSON"));
            return;
        } catch (StackOverflowError e) {
            // The parser descends once per bracket: "[[[[..." a hundred thousand deep exhausts the stack.
            sink.reject(new Rejection(fileName, lineNo, "JSON nested too deeply to be an article"));
            return;
        }
        if (!value.isObject()) {
            sink.reject(new Rejection(fileName, lineNo, "expected a JSON object, found " + kind(value)));
            return;
        }
        JsonObject obj = value.getAsObject();
        String raw = rawString(obj, fields.field("text"));
        if (raw == null || raw.isBlank()) {
            sink.reject(new Rejection(fileName, lineNo,
                    "no text in field '" + fields.field("text") + "' (map another field with --field text=NAME)"));
            return;
        }
        ControlCharacters.Replaced cleaned = ControlCharacters.replace(raw);
        String text = cleaned.text();
        if (!DocumentReader.hasWords(text)) {
            sink.reject(new Rejection(fileName, lineNo, DocumentReader.NO_WORDS));
            return;
        }
        if (cleaned.replaced() > 0) {
            sink.warn(new Rejection(fileName, lineNo, cleaned.note() + " in field '" + fields.field("text") + "'"));
        }
        DocumentMetadata meta = new DocumentMetadata(
                string(obj, fields.field("title")), string(obj, fields.field("date")),
                string(obj, fields.field("source")), string(obj, fields.field("url")),
                string(obj, fields.field("author")), string(obj, fields.field("id")),
                fileName + "#line=" + lineNo);
        sink.accept(new Document(text, meta));
    }

    /** The field as text, control characters replaced; null when absent. */
    private static String string(JsonObject obj, String field) {
        String s = rawString(obj, field);
        return s == null ? null : ControlCharacters.replace(s).text();
    }

    private static String rawString(JsonObject obj, String field) {
        JsonValue v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.getAsString().value();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            v.getAsArray().forEach(e -> {
                if (e.isString()) {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    sb.append(e.getAsString().value());
                }
            });
            return sb.toString();
        }
        return v.toString();
    }

    private static String kind(JsonValue v) {
        if (v.isArray()) return "an array";
        if (v.isString()) return "a string";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        return "null";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
