package org.conflictkg.extract.similar;

import org.conflictkg.extract.Span;

import java.util.List;

/**
 * A document's text with the spans that are not its body (boilerplate: repeated captions, photo
 * credits, galleries, "click here") blanked out, so that two articles sharing a page template are
 * not taken for a repost of each other. Blanking (rather than cutting) keeps the words on either
 * side apart.
 *
 * <pre>{@code
 * String body = BodyText.without(doc.text(), analysis.boilerplate());
 * }</pre>
 */
public final class BodyText {

    private BodyText() {}

    /**
     * {@code text} with every character inside {@code excluded} replaced by a space.
     *
     * @param excluded spans in UTF-16 indices of {@code text}, in any order, possibly overlapping
     * @throws IllegalArgumentException when a span ends beyond the text
     */
    public static String without(String text, List<Span> excluded) {
        if (excluded.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Span s : excluded) {
            if (s.end() > chars.length) {
                throw new IllegalArgumentException("Span " + s + " ends beyond the text of length " + chars.length);
            }
            java.util.Arrays.fill(chars, s.start(), s.end(), ' ');
        }
        return new String(chars);
    }
}
