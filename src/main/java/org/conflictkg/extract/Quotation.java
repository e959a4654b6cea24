package org.conflictkg.extract;

import java.util.List;
import java.util.Objects;

/**
 * Words attributed to a speaker: a direct quotation (the words inside quote marks) or reported
 * speech ("X said that ..."), with who said them, as far as the text tells.
 *
 * <p>A quotation split by its attribution ({@code "...," she said. "..."}) is one quotation with
 * two parts. Its speaker is either resolved to an entity, or null and the quotation is kept as
 * unattributed: a speaker is never guessed.
 *
 * @param kind direct or reported
 * @param parts the content, in text order, without the quote marks; at least one, not overlapping
 * @param cue the reporting verb or phrase as written ("said", "told", "according to"), or null
 * @param source the speaker as written where the attribution names it ("he", "Colonel Jane Roe",
 *     "a source", "the ministry"), or null when the text names none
 * @param speaker the key of the entity the source resolves to, or null when it resolves to none
 * @param speakerRole the speaker's role as the article gives it ("a spokeswoman for the
 *     coalition"), or null
 * @param speakerOrganization the key of the organisation of that role, or null
 * @param addressee the key of the entity spoken to ("told Reuters"), or null
 * @param reportingVerb the cue's verb in its base form ("say", "tell", "warn"), or null
 */
public record Quotation(Kind kind, List<Span> parts, Span cue, Span source, String speaker,
                        String speakerRole, String speakerOrganization, String addressee, String reportingVerb) {

    /** How the words are given. */
    public enum Kind { DIRECT, REPORTED }

    public Quotation {
        Objects.requireNonNull(kind, "kind");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a quotation needs at least one part");
        }
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).start() < parts.get(i - 1).end()) {
                throw new IllegalArgumentException("quotation parts out of order or overlapping: " + parts);
            }
        }
    }

    /** A quotation whose speaker is still to be found. */
    public static Quotation unattributed(Kind kind, List<Span> parts) {
        return new Quotation(kind, parts, null, null, null, null, null, null, null);
    }

    /** From the start of the first part to the end of the last. */
    public Span extent() {
        return new Span(parts.get(0).start(), parts.get(parts.size() - 1).end());
    }

    /** The content as one string, parts joined by a space. */
    public String text(String documentText) {
        StringBuilder sb = new StringBuilder();
        for (Span p : parts) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(p.of(documentText));
        }
        return sb.toString();
    }

    public boolean isAttributed() {
        return speaker != null;
    }

    /** This quotation with its attribution filled in. */
    public Quotation attributed(Span cue, Span source, String speaker, String speakerRole, String speakerOrganization,
                                String addressee, String reportingVerb) {
        return new Quotation(kind, parts, cue, source, speaker, speakerRole, speakerOrganization, addressee, reportingVerb);
    }

    /** This quotation with more content appended (a quotation continued in the next paragraph). */
    public Quotation withPart(Span part) {
        List<Span> more = new java.util.ArrayList<>(parts);
        more.add(part);
        return new Quotation(kind, more, cue, source, speaker, speakerRole, speakerOrganization, addressee, reportingVerb);
    }
}
