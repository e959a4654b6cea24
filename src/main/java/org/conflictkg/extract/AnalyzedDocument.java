package org.conflictkg.extract;

import org.conflictkg.ingest.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A document and everything the extraction stages have found in it so far. Each stage reads what
 * earlier stages added and adds its own layer. Only one thing is ever taken back: a mention that a
 * later stage shows, with stronger evidence, to be part of something else (a place name inside a
 * person's name introduced with a title).
 */
public final class AnalyzedDocument {

    private final Document document;
    private final List<Span> boilerplate = new ArrayList<>();
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final java.util.Map<String, IntroducedEntity> introduced = new java.util.LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Quotation> quotations = new ArrayList<>();

    public AnalyzedDocument(Document document) {
        this.document = document;
    }

    /** A copy with every layer found so far, for running later stages more than once (benchmarks). */
    public AnalyzedDocument copy() {
        AnalyzedDocument c = new AnalyzedDocument(document);
        c.boilerplate.addAll(boilerplate);
        c.sentences.addAll(sentences);
        c.mentions.addAll(mentions);
        c.introduced.putAll(introduced);
        c.relations.addAll(relations);
        c.quotations.addAll(quotations);
        return c;
    }

    public Document document() {
        return document;
    }

    public String text() {
        return document.text();
    }

    private String searchText;

    /**
     * The text with every kind of space (no-break, thin, narrow) as a plain space: the same length
     * and offsets as {@link #text()}, for patterns that read words and the spaces between them.
     */
    public String searchText() {
        if (searchText == null) {
            String t = document.text();
            StringBuilder sb = null;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '\u00A0' || c == '\u2009' || c == '\u202F' || c == '\u2007' || c == '\u200A' || c == '\t') {
                    if (sb == null) {
                        sb = new StringBuilder(t);
                    }
                    sb.setCharAt(i, ' ');
                }
            }
            searchText = sb == null ? t : sb.toString();
        }
        return searchText;
    }

    public List<Span> boilerplate() {
        return Collections.unmodifiableList(boilerplate);
    }

    public List<Sentence> sentences() {
        return Collections.unmodifiableList(sentences);
    }

    public List<Mention> mentions() {
        return Collections.unmodifiableList(mentions);
    }

    public java.util.Collection<IntroducedEntity> introduced() {
        return Collections.unmodifiableCollection(introduced.values());
    }

    public IntroducedEntity introduced(String key) {
        return introduced.get(key);
    }

    public List<Relation> relations() {
        return Collections.unmodifiableList(relations);
    }

    /** Direct quotations and reported statements, in text order of their first part. */
    public List<Quotation> quotations() {
        return Collections.unmodifiableList(quotations);
    }

    /** Adds a quotation in text order. */
    public void addQuotation(Quotation q) {
        int i = quotations.size();
        while (i > 0 && quotations.get(i - 1).extent().compareTo(q.extent()) > 0) {
            i--;
        }
        quotations.add(i, q);
    }

    /** Replaces the quotation at {@code index} (a later stage attributing it), keeping the order. */
    public void setQuotation(int index, Quotation q) {
        if (!quotations.get(index).parts().equals(q.parts())) {
            throw new IllegalArgumentException("a replacement must keep the parts of quotation " + index);
        }
        quotations.set(index, q);
    }

    /** Records an entity the document introduces; a second introduction of the same key adds its acronyms. */
    public void introduce(IntroducedEntity e) {
        introduced.merge(e.key(), e, (a, b) -> {
            java.util.LinkedHashSet<String> acr = new java.util.LinkedHashSet<>(a.acronyms());
            acr.addAll(b.acronyms());
            return new IntroducedEntity(a.key(), a.kind(), a.name(), List.copyOf(acr));
        });
    }

    public void addRelation(Relation r) {
        if (!relations.contains(r)) {
            relations.add(r);
        }
    }

    /** Takes back the mentions that overlap {@code span}; returns how many. */
    public int retractMentionsOverlapping(Span span) {
        int before = mentions.size();
        mentions.removeIf(m -> m.span().overlaps(span));
        return before - mentions.size();
    }

    /** The mention covering {@code index}, or null. */
    public Mention mentionAt(int index) {
        for (Mention m : mentions) {
            if (m.span().contains(index)) {
                return m;
            }
        }
        return null;
    }

    public void addBoilerplate(Span span) {
        boilerplate.add(span);
    }

    public void addSentence(Sentence sentence) {
        sentences.add(sentence);
    }

    /** Adds a mention in text order (by start, the longer first where two start together). */
    public void addMention(Mention mention) {
        int i = firstStartingAtOrAfter(mention.span().start());
        while (i < mentions.size() && mentions.get(i).span().compareTo(mention.span()) <= 0) {
            i++;
        }
        mentions.add(i, mention);
    }

    /** The mentions lying wholly inside {@code span}, in text order. */
    public List<Mention> mentionsIn(Span span) {
        List<Mention> out = new ArrayList<>();
        for (int i = firstStartingAtOrAfter(span.start()); i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (m.span().start() >= span.end()) {
                break;
            }
            if (span.contains(m.span())) {
                out.add(m);
            }
        }
        return out;
    }

    private int firstStartingAtOrAfter(int start) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).span().start() < start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** True when {@code span} lies inside text marked as not part of the article body. */
    public boolean isBoilerplate(Span span) {
        for (Span b : boilerplate) {
            if (b.overlaps(span)) {
                return true;
            }
        }
        return false;
    }

    /** The sentence containing {@code span}, or null when it falls outside every sentence. */
    public Sentence sentenceOf(Span span) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid).span();
            if (span.start() < s.start()) {
                hi = mid - 1;
            } else if (span.start() >= s.end()) {
                lo = mid + 1;
            } else {
                return sentences.get(mid);
            }
        }
        return null;
    }
}
