package org.conflictkg.serve.linked;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Renders the sentence a fact was read from, with the words that matter highlighted, and a link to
 * the sentence in its document's page. The highlights are the mentions in the sentence of the
 * fact's parties, or an attestation's own span.
 */
final class Evidence {

    private final StoreView view;
    private final ResourceDescriber texts;

    Evidence(StoreView view, ResourceDescriber texts) {
        this.view = view;
        this.texts = texts;
    }

    /** A highlighted stretch of a document: code point offsets and a style class. */
    record Highlight(int start, int end, String css) {}

    /**
     * The sentence {@code sentence} of {@code doc} with the mentions of {@code parties} marked, as
     * a blockquote that cites the document.
     */
    void sentence(Html h, Node doc, Node sentence, Collection<Node> parties) {
        List<Highlight> marks = new ArrayList<>();
        if (sentence != null) {
            var it = view.dataset().find(doc, Node.ANY, CKG.sentence, sentence);
            while (it.hasNext()) {
                Node m = it.next().getSubject();
                Node target = view.first(doc, m, CKG.refersTo);
                if (target != null && parties.contains(target)) {
                    int[] se = span(doc, m);
                    if (se != null) {
                        marks.add(new Highlight(se[0], se[1], null));
                    }
                }
            }
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        render(h, doc, sentence, marks);
    }

    /** The sentence around an attestation, with the attested words marked. */
    void attestation(Html h, Node doc, Node attestation, Node sentence) {
        int[] se = span(doc, attestation);
        List<Highlight> marks = se == null ? List.of() : List.of(new Highlight(se[0], se[1], "quote"));
        render(h, doc, sentence == null ? attestation : sentence, marks);
    }

    private void render(Html h, Node doc, Node sentence, List<Highlight> marks) {
        SpanText text = texts.text(doc);
        int[] se = sentence == null ? null : span(doc, sentence);
        h.open("blockquote", "class", "evidence");
        if (text != null && se != null) {
            int pos = se[0];
            List<Highlight> sorted = new ArrayList<>(marks);
            sorted.sort((a, b) -> Integer.compare(a.start, b.start));
            for (Highlight m : sorted) {
                if (m.start < pos || m.end > se[1]) {
                    continue; // overlapping or outside the sentence: the sentence is still shown
                }
                h.text(text.slice(pos, m.start));
                h.open("mark", "class", m.css).text(text.slice(m.start, m.end)).close("mark");
                pos = m.end;
            }
            h.text(text.slice(pos, se[1]));
        } else {
            h.raw("<em>").text("(the sentence is not in the store)").raw("</em>");
        }
        h.open("span", "class", "source").raw("— ");
        String title = view.label(doc);
        Node date = view.first(doc, DCTerms.date.asNode());
        h.link(view.href(sentence == null ? doc : sentence), title);
        if (date != null) {
            h.text(", " + date.getLiteralLexicalForm());
        }
        h.close("span").close("blockquote");
    }

    /** The start and end of a span of {@code doc}, read from its IRI; null for anything else. */
    int[] span(Node doc, Node span) {
        return Iris.spanOffsets(doc, span);
    }
}
