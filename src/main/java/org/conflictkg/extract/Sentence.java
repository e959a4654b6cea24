package org.conflictkg.extract;

/**
 * A sentence of the article body.
 *
 * @param span where it is in the text
 * @param paragraph 0-based index of the paragraph (line block) it belongs to
 */
public record Sentence(Span span, int paragraph) {

    public Sentence {
        if (paragraph < 0) {
            throw new IllegalArgumentException("paragraph=" + paragraph + ": must be >= 0");
        }
    }
}
