package org.conflictkg.extract;

import java.util.Objects;

/**
 * A directed, evidenced statement about two entities, found in one sentence.
 *
 * @param type what kind of relation
 * @param source the entity it goes from (the supporter, the attacker, the person with a role, the
 *     contained place); may be null for a spatial relation whose reference is unnamed
 * @param target the entity it goes to; null for a role whose organisation the text does not name
 * @param evidence the sentence it was read from
 * @param detail the kind of support ("airstrikes"), the role as written ("spokesman for the
 *     coalition"), or the compass bearing of a spatial relation ("E")
 * @param distanceKm the distance of a spatial relation, else NaN
 */
public record Relation(Type type, String source, String target, Span evidence, String detail, double distanceKm) {

    /** The relations the extractor knows. */
    public enum Type { SUPPORT, PARTNERSHIP, OPPOSITION, ROLE, LOCATED_IN, SPATIAL }

    public Relation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evidence, "evidence");
        if (source == null && type != Type.SPATIAL) {
            throw new IllegalArgumentException(type + " relation needs a source");
        }
        if (target == null && type != Type.ROLE) {
            throw new IllegalArgumentException(type + " relation needs a target");
        }
        if (target != null && target.equals(source)) {
            throw new IllegalArgumentException(type + " relation from " + source + " to itself");
        }
    }

    public static Relation of(Type type, String source, String target, Span evidence, String detail) {
        return new Relation(type, source, target, evidence, detail, Double.NaN);
    }
}
