package org.conflictkg.extract;

import java.util.List;
import java.util.Objects;

/**
 * An entity the gazetteer lacks that a document introduces: a person named with a title or an
 * appositive ("Colonel Jane Roe, a spokeswoman for ..."), or an organisation named with its
 * acronym in parentheses. The document is its only evidence, so its description goes in the
 * document's graph.
 *
 * @param key IRI path under the base, e.g. {@code id/person/jane-roe}
 * @param kind what it is
 * @param name the full name as introduced
 * @param acronyms acronyms the document gives it
 */
public record IntroducedEntity(String key, EntityKind kind, String name, List<String> acronyms) {

    public IntroducedEntity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        acronyms = List.copyOf(acronyms);
    }
}
