package org.conflictkg.serve.linked;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

import java.util.List;

import static org.conflictkg.serve.linked.ResourcePage.get;

/**
 * The front page at {@code /}: the documents (newest first, paged), the mentioned actors by kind,
 * the alliance blocs and the most recently reported quotations, with links to the SPARQL UI, the
 * VoID description and the dump.
 */
final class LandingPage {

    static final int DOCUMENTS = 20;
    static final int ACTORS_PER_KIND = 12;
    static final int QUOTATIONS = 10;

    private final StoreView v;
    private final PageParams params;

    LandingPage(StoreView view, PageParams params) {
        this.v = view;
        this.params = params;
    }

    String render() {
        Node kind = params.iri("kind");
        if (kind != null) {
            return kind(kind);
        }
        Html h = new Html();
        h.el("h1", "conflict-kg");
        h.open("p").text("A knowledge graph of news reporting on armed conflict: who backs whom, who said what, and for every fact the sentence it was read from. Query it with ")
                .link("/ui/#/dataset/kg/query", "the SPARQL UI").text(" or at ").el("code", "/kg/sparql")
                .text("; read its ").link("/.well-known/void", "VoID description").text("; ").link("/dump/kg.nq.gz", "download all of it")
                .text(" as gzipped N-Quads.").close("p");
        documents(h);
        actors(h);
        alliances(h);
        quotations(h);
        return Layout.page("Knowledge graph", h);
    }

    private void documents(Html h) {
        long offset = params.offset("documents");
        List<Binding> rows = v.select(Queries.DOCUMENTS, DOCUMENTS + 1, offset);
        h.el("h2", "Documents");
        h.open("ul", "class", "plain", "id", "documents");
        for (Binding b : rows.subList(0, Math.min(DOCUMENTS, rows.size()))) {
            Node d = get(b, "doc");
            Node title = get(b, "title");
            Node date = get(b, "date");
            Node publisher = get(b, "publisher");
            h.open("li").link(v.href(d), title == null ? StoreView.shortName(d) : title.getLiteralLexicalForm());
            if (date != null || publisher != null) {
                h.raw(" ").open("span", "class", "count");
                if (publisher != null) {
                    h.text(v.label(publisher));
                }
                if (date != null) {
                    h.text((publisher != null ? ", " : "") + date.getLiteralLexicalForm());
                }
                h.close("span");
            }
            h.close("li");
        }
        h.close("ul");
        ResourcePage.pager(h, "/", "documents", offset, rows.size() > DOCUMENTS, DOCUMENTS);
    }

    private void actors(Html h) {
        List<Binding> kinds = v.select(Queries.ACTOR_KINDS, 40, 0);
        if (kinds.isEmpty()) {
            return;
        }
        h.el("h2", "Actors by kind");
        h.open("div", "class", "grid", "id", "actors");
        for (Binding k : kinds) {
            Node type = get(k, "type");
            long n = ((Number) get(k, "n").getLiteralValue()).longValue();
            h.open("section").open("h3").link("/?kind=" + PageParams.enc(type.getURI()), v.label(type), "title", type.getURI()).raw(" ").el("span", Long.toString(n), "class", "count").close("h3");
            h.open("ul", "class", "plain");
            for (Binding a : v.select(Queries.SOME_ACTORS_OF_KIND, ACTORS_PER_KIND, 0, "type", type)) {
                Node actor = get(a, "a");
                h.open("li").link(v.href(actor), v.label(actor)).close("li");
            }
            if (n > ACTORS_PER_KIND) {
                h.open("li").link("/?kind=" + PageParams.enc(type.getURI()), "all " + n + " …").close("li");
            }
            h.close("ul").close("section");
        }
        h.close("div");
    }

    /** Every mentioned actor of one kind, paged. */
    private String kind(Node type) {
        Html h = new Html();
        h.el("h1", v.label(type));
        h.el("div", type.getURI(), "class", "iri");
        long offset = params.offset("offset");
        int page = 100;
        List<Binding> rows = v.select(Queries.ACTORS_OF_KIND, page + 1, offset, "type", type);
        h.open("ul", "class", "plain");
        for (Binding a : rows.subList(0, Math.min(page, rows.size()))) {
            Node actor = get(a, "a");
            h.open("li").link(v.href(actor), v.label(actor)).raw(" ")
                    .el("span", get(a, "n").getLiteralLexicalForm() + " mentions", "class", "count").close("li");
        }
        h.close("ul");
        h.open("div", "class", "pager");
        String here = "/?kind=" + PageParams.enc(type.getURI());
        if (offset > 0) {
            h.link(here + "&offset=" + Math.max(0, offset - page), "← previous");
        }
        if (rows.size() > page) {
            h.link(here + "&offset=" + (offset + page), "next →");
        }
        h.close("div");
        return Layout.page(v.label(type), h);
    }

    private void alliances(Html h) {
        List<Binding> rows = v.select(Queries.ALLIANCES, 50, 0);
        if (rows.isEmpty()) {
            return;
        }
        h.el("h2", "Alliance blocs");
        h.open("ul", "class", "plain", "id", "alliances");
        for (Binding b : rows) {
            Node a = get(b, "alliance");
            h.open("li").link(v.href(a), v.label(a)).raw(" ").el("span", get(b, "n").getLiteralLexicalForm() + " members", "class", "count").close("li");
        }
        h.close("ul");
    }

    private void quotations(Html h) {
        List<Binding> rows = v.select(Queries.RECENT_QUOTATIONS, QUOTATIONS, 0);
        if (rows.isEmpty()) {
            return;
        }
        h.el("h2", "Recent quotations");
        h.open("ul", "class", "plain", "id", "quotations");
        for (Binding b : rows) {
            Node q = get(b, "q");
            Node speaker = get(b, "speaker");
            h.open("li").link(v.href(q), "“" + get(b, "text").getLiteralLexicalForm() + "”");
            if (speaker != null) {
                h.text(" — ").link(v.href(speaker), v.label(speaker));
            }
            Node latest = get(b, "latest");
            if (latest != null) {
                h.raw(" ").el("span", latest.getLiteralLexicalForm(), "class", "count");
            }
            h.close("li");
        }
        h.close("ul");
    }
}
