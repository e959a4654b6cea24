package org.conflictkg.store;

import org.apache.jena.graph.Node;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Which of two documents was published first, as far as their {@code dct:date} values tell: an
 * ISO date ({@code 2017-09-12}) or date-time with an offset. Dates given some other way, or
 * missing, tell nothing, and neither does the same day unless both give a time.
 */
final class PublicationDate {

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private PublicationDate() {}

    /**
     * Negative when {@code a} is earlier, positive when later, null when the dates do not tell.
     */
    static Integer compare(Node a, Node b) {
        LocalDate da = day(a);
        LocalDate db = day(b);
        if (da == null || db == null) {
            return null;
        }
        int byDay = da.compareTo(db);
        if (byDay != 0) {
            return byDay;
        }
        OffsetDateTime ta = instant(a);
        OffsetDateTime tb = instant(b);
        if (ta == null || tb == null || ta.isEqual(tb)) {
            return null;
        }
        return ta.compareTo(tb);
    }

    private static LocalDate day(Node n) {
        if (n == null || !n.isLiteral() || !ISO_DAY.matcher(n.getLiteralLexicalForm()).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(n.getLiteralLexicalForm().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime instant(Node n) {
        try {
            return OffsetDateTime.parse(n.getLiteralLexicalForm());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
