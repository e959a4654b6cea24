package org.conflictkg.extract;

/**
 * A half-open range {@code [start, end)} of a document's text, in UTF-16 indices (Java string
 * indices), which is what the extractors work in. The mapping to RDF converts to Unicode code
 * points, the unit every recorded offset uses.
 */
public record Span(int start, int end) implements Comparable<Span> {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Illegal span [" + start + ", " + end + "): need 0 <= start <= end");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    public boolean contains(int index) {
        return start <= index && index < end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(o.end, end);
    }
}
