package org.conflictkg.rdf;

/**
 * Converts Java string indices (UTF-16) to Unicode code point offsets, the unit of every recorded
 * offset (as W3C Web Annotation's TextPositionSelector counts). Texts without surrogate pairs — most
 * news — convert for free.
 */
public final class CodePoints {

    private final int[] cpAt;

    public CodePoints(String text) {
        int[] table = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                table = new int[text.length() + 1];
                int cp = 0;
                for (int j = 0; j < text.length(); j++) {
                    table[j] = cp;
                    if (!(Character.isLowSurrogate(text.charAt(j)) && j > 0 && Character.isHighSurrogate(text.charAt(j - 1)))) {
                        cp++;
                    }
                }
                table[text.length()] = cp;
                break;
            }
        }
        this.cpAt = table;
    }

    /** The code point offset of UTF-16 index {@code index}. */
    public int offset(int index) {
        return cpAt == null ? index : cpAt[index];
    }
}
