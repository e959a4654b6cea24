package org.conflictkg.extract;

import org.conflictkg.ingest.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A document and everything the extraction stages have found in it so far. Each stage reads what
 * earlier stages added and adds its own layer; nothing is ever removed, so a later stage can
 * always see the evidence an earlier one used.
 */
public final class AnalyzedDocument {

    private final Document document;
    private final List<Span> boilerplate = new ArrayList<>();
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();

    public AnalyzedDocument(Document document) {
        this.document = document;
    }

    public Document document() {
        return document;
    }

    public String text() {
        return document.text();
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

    public void addBoilerplate(Span span) {
        boilerplate.add(span);
    }

    public void addSentence(Sentence sentence) {
        sentences.add(sentence);
    }

    public void addMention(Mention mention) {
        mentions.add(mention);
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
