package org.conflictkg.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {

    private static String decoded(byte[] b) {
        return assertInstanceOf(TextDecoder.Decoded.class, TextDecoder.decode(b)).text();
    }

    private static String refused(byte[] b) {
        return assertInstanceOf(TextDecoder.Refused.class, TextDecoder.decode(b)).reason();
    }

    @Test
    void decodesUtf8AndDropsItsByteOrderMark() {
        byte[] body = "Raqqa – Tabqa".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals("Raqqa – Tabqa", decoded(withBom));
        assertEquals("Raqqa – Tabqa", decoded(body));
    }

    @Test
    void decodesUtf16WithByteOrderMark() {
        byte[] le = "\uFEFFHoms and Hama".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "\uFEFFHoms and Hama".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("Homs and Hama", decoded(le));
        assertEquals("Homs and Hama", decoded(be));
    }

    @Test
    void refusesEmptyAndWhitespaceOnlyFiles() {
        assertTrue(refused(new byte[0]).contains("empty"));
        assertTrue(refused(" \n\t\n".getBytes(StandardCharsets.UTF_8)).contains("empty"));
    }

    @Test
    void refusesBinaryWithTheOffsetOfTheNulByte() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        String reason = refused(png);
        assertTrue(reason.contains("binary"), reason);
        assertTrue(reason.contains("offset 8"), reason);
    }

    @Test
    void refusesLatin1WithTheOffsetOfTheFirstBadByteAndAHint() {
        byte[] latin1 = "Caf\u00e9 in Idlib".getBytes(StandardCharsets.ISO_8859_1);
        String reason = refused(latin1);
        assertTrue(reason.contains("not valid UTF-8 at byte offset 3"), reason);
        assertTrue(reason.contains("Latin-1"), reason);
    }
}
