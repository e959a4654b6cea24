package org.conflictkg.ingest;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON Lines: one article per line, as a JSON object. A line that is not JSON, or has no
 * text, is rejected with its line number and the others are read; blank lines are skipped.
 */
public final class JsonLinesFormat {

    private JsonLinesFormat() {}

    /**
     * Reads every line of {@code in}, delivering documents and rejections to {@code sink}.
     *
     * @throws IOException when the stream itself fails (the environment, not the input)
     */
    public static void read(InputStream in, String fileName, FieldMapping fields, DocumentSink sink) throws IOException {
        BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
        long lineNo = 0;
        int b;
        boolean more = true;
        while (more) {
            b = bin.read();
            if (b == '\n' || b < 0) {
                more = b >= 0;
                if (b < 0 && line.size() == 0) {
                    break;
                }
                lineNo++;
                byte[] bytes = line.toByteArray();
                line.reset();
                readLine(bytes, fileName, lineNo, fields, sink);
            } else {
                line.write(b);
            }
        }
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
        }
        if (!value.isObject()) {
            sink.reject(new Rejection(fileName, lineNo, "expected a JSON object, found " + kind(value)));
            return;
        }
        JsonObject obj = value.getAsObject();
        String text = string(obj, fields.field("text"));
        if (text == null || text.isBlank()) {
            sink.reject(new Rejection(fileName, lineNo,
                    "no text in field '" + fields.field("text") + "' (map another field with --field text=NAME)"));
            return;
        }
        DocumentMetadata meta = new DocumentMetadata(
                string(obj, fields.field("title")), string(obj, fields.field("date")),
                string(obj, fields.field("source")), string(obj, fields.field("url")),
                string(obj, fields.field("author")), string(obj, fields.field("id")),
                fileName + "#line=" + lineNo);
        sink.accept(new Document(text, meta));
    }

    private static String string(JsonObject obj, String field) {
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
