package org.conflictkg.extract;

import java.util.Objects;

/**
 * A span of text that refers to a known entity.
 *
 * @param span where the mention is
 * @param entity the entity's key in the gazetteer (its IRI path under the base, such as
 *     {@code id/actor/islamic-state})
 * @param kind what the entity is
 * @param exact the text as it appears
 */
public record Mention(Span span, String entity, EntityKind kind, String exact) {

    public Mention {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(exact, "exact");
        if (exact.length() != span.length()) {
            throw new IllegalArgumentException("exact '" + exact + "' does not fit span " + span);
        }
    }
}
