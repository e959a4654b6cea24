package org.conflictkg.eval;

import org.conflictkg.extract.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One annotated attribution: who (source) said (cue) what (content), as spans of a text.
 *
 * <p>Each role is a list because brat spans may be discontinuous, and because PolNeAR gives some
 * attributions a second content ({@code Content2}), which is read as a further part of the content.
 * The lists are normalised here: sorted, with overlapping spans merged, so that the length of a
 * role is the sum of its parts' lengths. A list is empty when the annotation lacks that role
 * (PolNeAR's {@code Attribution-no-source}, or an attribution annotated without content).
 *
 * @param id the annotation's id in its file ({@code "E3"})
 * @param line the 1-based line of that annotation in its file, for messages
 * @param content what was said
 * @param cue the words that mark it as said ("said", "according to")
 * @param source who said it, as written
 */
public record GoldAttribution(String id, int line, List<Span> content, List<Span> cue, List<Span> source) {

    public GoldAttribution {
        Objects.requireNonNull(id, "id");
        content = normalise(content, "content");
        cue = normalise(cue, "cue");
        source = normalise(source, "source");
    }

    /** Whether the annotation has content, without which it cannot be scored. */
    public boolean hasContent() {
        return !content.isEmpty();
    }

    /** From the start of the content's first part to the end of its last; null without content. */
    public Span contentExtent() {
        return content.isEmpty() ? null : new Span(content.get(0).start(), content.get(content.size() - 1).end());
    }

    /** This attribution with every span moved {@code delta} characters, clipped at 0. */
    GoldAttribution shifted(int delta) {
        return new GoldAttribution(id, line, shift(content, delta), shift(cue, delta), shift(source, delta));
    }

    private static List<Span> shift(List<Span> spans, int delta) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            out.add(new Span(Math.max(0, s.start() + delta), Math.max(0, s.end() + delta)));
        }
        return out;
    }

    private static List<Span> normalise(List<Span> spans, String role) {
        Objects.requireNonNull(spans, role);
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> merged = new ArrayList<>(sorted.size());
        for (Span s : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() < last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return List.copyOf(merged);
    }
}
