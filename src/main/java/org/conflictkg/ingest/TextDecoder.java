package org.conflictkg.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a file into text, or says exactly why it cannot.
 *
 * <p>Text must be UTF-8. A UTF-8 byte-order mark is dropped; a UTF-16 byte-order mark is honoured
 * (editors on Windows still write it). Anything else that is not valid UTF-8 is refused with the
 * byte offset of the first bad sequence, rather than guessed at: a wrong guess would silently
 * corrupt every name in the article.
 */
public final class TextDecoder {

    private TextDecoder() {}

    /** The outcome of decoding: text, or the reason there is none. */
    public sealed interface Result permits Decoded, Refused {}

    public record Decoded(String text) implements Result {}

    public record Refused(String reason) implements Result {}

    public static Result decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new Refused("empty file");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        int from = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        int nul = indexOfNul(bytes, from);
        if (nul >= 0) {
            return new Refused("binary file (NUL byte at offset " + nul + "); expected UTF-8 text" + utf16Hint(bytes));
        }
        Result r = strict(bytes, from, StandardCharsets.UTF_8, "UTF-8");
        if (r instanceof Decoded d && d.text().isBlank()) {
            return new Refused("empty file (only whitespace)");
        }
        return r;
    }

    private static Result strict(byte[] bytes, int from, java.nio.charset.Charset cs, String name) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            CharBuffer out = decoder.decode(in);
            String text = out.toString();
            return text.isEmpty() ? new Refused("empty file") : new Decoded(text);
        } catch (MalformedInputException e) {
            int at = badOffset(bytes, from, cs);
            String hint = cs == StandardCharsets.UTF_8
                    ? " (it may be Latin-1 or Windows-1252: convert it, e.g. iconv -f latin1 -t utf-8)"
                    : "";
            return new Refused("not valid " + name + " at byte offset " + at + hint);
        } catch (CharacterCodingException e) {
            return new Refused("not valid " + name + ": " + e.getMessage());
        }
    }

    /** Finds the first malformed byte by decoding incrementally; only called on the error path. */
    private static int badOffset(byte[] bytes, int from, java.nio.charset.Charset cs) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length * 2));
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** UTF-16 of Latin text without a byte-order mark has a NUL in every other byte: say so, rather than just "binary". */
    private static String utf16Hint(byte[] bytes) {
        int n = Math.min(bytes.length & ~1, 64);
        if (n < 4) {
            return "";
        }
        boolean evenNul = true;
        boolean oddNul = true;
        for (int i = 0; i < n; i += 2) {
            evenNul &= bytes[i] == 0 && bytes[i + 1] != 0;
            oddNul &= bytes[i + 1] == 0 && bytes[i] != 0;
        }
        String from = evenNul ? "utf-16be" : oddNul ? "utf-16le" : null;
        return from == null ? ""
                : " (it looks like UTF-16 without a byte-order mark: convert it, e.g. iconv -f " + from + " -t utf-8)";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
