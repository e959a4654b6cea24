package org.conflictkg.serve.linked;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Vocab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The page of a document: its metadata, its whole text with sentences, boilerplate, quotations and
 * mentions marked (each mention a link to what it refers to, each span an anchor named by its
 * fragment, {@code char=s,e}, so that {@code {document}#char=s,e} opens at that span), and the
 * relations read from it, each with its sentence. Everything comes from the document's own graph.
 */
final class DocumentPage {

    private final StoreView v;
    private final Node doc;
    private final ResourceDescriber texts;
    private final Evidence evidence;

    DocumentPage(StoreView view, Node doc) {
        this.v = view;
        this.doc = doc;
        this.texts = new ResourceDescriber(view);
        this.evidence = new Evidence(view, texts);
    }

    /** A marked stretch of text; level orders nesting (sentence, quotation, mention). */
    private record Mark(int start, int end, int level, String css, String id, String href, String title) {}

    String render() {
        Html h = new Html();
        String title = v.label(doc);
        h.el("h1", title);
        h.el("div", doc.getURI(), "class", "iri");
        h.open("div", "class", "formats").text("This description as ");
        String local = v.localPath(doc);
        h.link("/data" + local + ".ttl", "Turtle").link("/data" + local + ".jsonld", "JSON-LD")
                .link("/data" + local + ".nt", "N-Triples").link("/data" + local + ".rdf", "RDF/XML").close("div");
        metadata(h);
        text(h);
        relations(h);
        quotations(h);
        return Layout.page(title, h);
    }

    private void metadata(Html h) {
        h.open("table", "class", "facts");
        row(h, "Date", v.first(doc, doc, DCTerms.date.asNode()));
        Node publisher = v.first(doc, doc, Vocab.schemaPublisher);
        if (publisher != null) {
            h.open("tr").el("th", "Publisher").open("td").link(v.href(publisher), v.label(publisher)).close("td").close("tr");
        }
        row(h, "Author", v.first(doc, doc, Vocab.schemaAuthor));
        Node url = v.first(doc, doc, Vocab.schemaUrl);
        if (url == null) {
            url = v.first(doc, doc, DCTerms.source.asNode());
        }
        if (url != null) {
            String u = url.isURI() ? url.getURI() : url.getLiteralLexicalForm();
            h.open("tr").el("th", "Published at").open("td").link(u, u).close("td").close("tr");
        }
        row(h, "File", v.first(doc, doc, CKG.fileName));
        for (Node from : v.objects(doc, CKG.derivedFrom, 20)) {
            h.open("tr").el("th", "Reuses text of").open("td").link(v.href(from), v.label(from)).close("td").close("tr");
        }
        var by = v.union().find(Node.ANY, CKG.derivedFrom, doc);
        int n = 0;
        while (by.hasNext() && n++ < 20) {
            Node later = by.next().getSubject();
            h.open("tr").el("th", "Text reused by").open("td").link(v.href(later), v.label(later)).close("td").close("tr");
        }
        org.apache.jena.atlas.iterator.Iter.close(by);
        h.close("table");
    }

    private void row(Html h, String name, Node value) {
        if (value != null) {
            h.open("tr").el("th", name).el("td", value.isLiteral() ? value.getLiteralLexicalForm() : value.getURI()).close("tr");
        }
    }

    private void text(Html h) {
        SpanText text = texts.text(doc);
        if (text == null) {
            return;
        }
        List<Mark> marks = new ArrayList<>();
        // Every span is typed, and its offsets are in its IRI; a span with two types is marked once.
        var typed = v.dataset().find(doc, Node.ANY, RDF.type.asNode(), Node.ANY);
        Set<Node> seen = new HashSet<>();
        while (typed.hasNext()) {
            Node span = typed.next().getSubject();
            int[] se = evidence.span(doc, span);
            if (se == null || !seen.add(span)) {
                continue;
            }
            String id = fragment(span);
            Node refers = v.first(doc, span, CKG.refersTo);
            if (refers != null) {
                marks.add(new Mark(se[0], se[1], 2, "mention", id, v.href(refers), v.label(refers)));
            } else if (isA(span, CKG.Sentence)) {
                marks.add(new Mark(se[0], se[1], 0, "sentence", id, null, null));
            } else if (isA(span, CKG.Boilerplate)) {
                marks.add(new Mark(se[0], se[1], 0, "boilerplate", id, null, "boilerplate"));
            } else if (isA(span, CKG.Attestation)) {
                marks.add(new Mark(se[0], se[1], 1, "quote", id, null, "quoted or reported words"));
            }
        }
        org.apache.jena.atlas.iterator.Iter.close(typed);
        marks.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start)
                : a.end != b.end ? Integer.compare(b.end, a.end) : Integer.compare(a.level, b.level));
        h.el("h2", "Text");
        h.open("div", "class", "text");
        List<Mark> open = new ArrayList<>();
        int pos = 0;
        for (Mark mark : marks) {
            Mark m = mark;
            while (!open.isEmpty() && open.get(open.size() - 1).end <= m.start) {
                Mark top = open.remove(open.size() - 1);
                h.text(text.slice(pos, top.end)).close(top.href != null ? "a" : "span");
                pos = top.end;
            }
            if (!open.isEmpty() && m.end > open.get(open.size() - 1).end) {
                // It would cross the span it starts in: keep its anchor, drop its highlight.
                h.text(text.slice(pos, m.start));
                pos = m.start;
                h.open("span", "id", m.id).close("span");
                continue;
            }
            h.text(text.slice(pos, m.start));
            pos = m.start;
            boolean insideLink = open.stream().anyMatch(o -> o.href != null);
            if (m.href != null && insideLink) {
                // Links cannot nest: a mention inside another keeps its anchor and says what it names.
                m = new Mark(m.start, m.end, m.level, m.css, m.id, null, m.title);
            }
            if (m.href != null) {
                h.open("a", "class", m.css, "id", m.id, "href", Html.linkable(m.href) ? m.href : null, "title", m.title);
            } else {
                h.open("span", "class", m.css, "id", m.id, "title", m.title);
            }
            open.add(m);
        }
        while (!open.isEmpty()) {
            Mark top = open.remove(open.size() - 1);
            h.text(text.slice(pos, top.end)).close(top.href != null ? "a" : "span");
            pos = top.end;
        }
        h.text(text.slice(pos, text.length()));
        h.close("div");
    }

    private boolean isA(Node span, Node type) {
        return v.dataset().contains(doc, span, RDF.type.asNode(), type);
    }

    private static String fragment(Node span) {
        String s = span.getURI();
        int hash = s.indexOf('#');
        return hash < 0 ? null : s.substring(hash + 1);
    }

    /** Relations read from this document, in order, each with its sentence. */
    private void relations(Html h) {
        Map<Integer, Node> ordered = new TreeMap<>();
        List<Node> other = new ArrayList<>();
        var it = v.dataset().find(doc, Node.ANY, CKG.document, doc);
        while (it.hasNext()) {
            Node rel = it.next().getSubject();
            String frag = fragment(rel);
            if (frag != null && frag.startsWith("relation-")) {
                try {
                    ordered.put(Integer.parseInt(frag.substring("relation-".length())), rel);
                } catch (NumberFormatException e) {
                    other.add(rel);
                }
            }
        }
        org.apache.jena.atlas.iterator.Iter.close(it);
        if (ordered.isEmpty()) {
            return;
        }
        h.el("h2", "Relations read from this document");
        List<Node> all = new ArrayList<>(ordered.values());
        all.addAll(other);
        if (all.size() > Layout.MAX_ROWS) {
            h.open("p", "class", "cut").text("The first " + Layout.MAX_ROWS + " of " + all.size() + " relations; SPARQL has them all.").close("p");
            all = all.subList(0, Layout.MAX_ROWS);
        }
        for (Node rel : all) {
            Node src = v.first(doc, rel, CKG.source);
            Node tgt = v.first(doc, rel, CKG.target);
            Node type = v.first(doc, rel, RDF.type.asNode());
            h.open("div", "id", fragment(rel));
            h.open("h3");
            if (src != null) {
                h.link(v.href(src), v.label(src)).text(" ");
            }
            h.el("span", type == null ? "relation" : v.label(type), "class", "count");
            if (tgt != null) {
                h.text(" ").link(v.href(tgt), v.label(tgt));
            }
            for (Node p : new Node[] {CKG.supportKind, CKG.roleName, CKG.distanceKm, CKG.bearing}) {
                Node val = v.first(doc, rel, p);
                if (val != null) {
                    h.text(" · " + val.getLiteralLexicalForm());
                }
            }
            h.close("h3");
            List<Node> parties = new ArrayList<>();
            if (src != null) {
                parties.add(src);
            }
            if (tgt != null) {
                parties.add(tgt);
            }
            evidence.sentence(h, doc, v.first(doc, rel, CKG.sentence), parties);
            h.close("div");
        }
    }

    /** The quotations and statements this document attests, in text order, each linked to its page. */
    private void quotations(Html h) {
        Map<Integer, Node[]> found = new TreeMap<>();
        var it = v.dataset().find(doc, Node.ANY, CKG.attestedBy, Node.ANY);
        while (it.hasNext()) {
            var q = it.next();
            int[] se = evidence.span(doc, q.getObject());
            found.put(se == null ? Integer.MAX_VALUE - found.size() : se[0], new Node[] {q.getSubject(), q.getObject()});
        }
        org.apache.jena.atlas.iterator.Iter.close(it);
        if (found.isEmpty()) {
            return;
        }
        h.el("h2", "Quotations and statements");
        if (found.size() > Layout.MAX_ROWS) {
            h.open("p", "class", "cut").text("The first " + Layout.MAX_ROWS + " of " + found.size() + " in the text; SPARQL has them all.").close("p");
        }
        h.open("ul", "class", "plain");
        int shown = 0;
        for (Node[] qa : found.values()) {
            if (shown++ == Layout.MAX_ROWS) {
                break;
            }
            Node text = v.first(qa[0], CKG.text);
            Node speaker = v.first(qa[0], CKG.speaker);
            h.open("li").link(v.href(qa[0]), text == null ? v.label(qa[0]) : "“" + text.getLiteralLexicalForm() + "”");
            if (speaker != null) {
                h.text(" — ").link(v.href(speaker), v.label(speaker));
            }
            h.raw(" ").link(v.href(qa[1]), "in the text", "class", "count").close("li");
        }
        h.close("ul");
    }

    static boolean isDocument(StoreView v, Node n) {
        return v.hasType(n, CKG.Document);
    }

}
