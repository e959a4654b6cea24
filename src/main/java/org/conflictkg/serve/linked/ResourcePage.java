package org.conflictkg.serve.linked;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Vocab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML page of a resource: its names and kinds, what it takes part in with the evidence of
 * each fact, and every triple about it in both directions. Sections depend on what the resource
 * is: an actor shows its alliances, supporters, opponents, quotations and places; a place its
 * position on a map; a quotation its text, speaker and every document that attests it.
 *
 * <p>Every list is paged, and each section runs one bounded query (or a few index look-ups), so a
 * page costs the same in a store of two documents or forty thousand.
 */
final class ResourcePage {

    static final int GROUPS_PER_PAGE = 30;
    static final int EVIDENCE_PER_GROUP = 3;
    static final int EVIDENCE_PER_PAGE = 40;
    static final int LIST_PAGE = 25;
    static final int INCOMING_SHOWN = 10;

    private final StoreView v;
    private final Evidence evidence;
    private final Node r;
    private final String path;
    private final PageParams params;

    ResourcePage(StoreView view, Node resource, String pagePath, PageParams params) {
        this.v = view;
        this.evidence = new Evidence(view, new ResourceDescriber(view));
        this.r = resource;
        this.path = pagePath;
        this.params = params;
    }

    String render() {
        Html h = new Html();
        String name = v.label(r);
        h.el("h1", name);
        h.el("div", r.getURI(), "class", "iri");
        types(h);
        formats(h);
        Node type = params.iri("type");
        if (type != null && params.value("dir") != null) {
            focusedEvidence(h, type, params.value("dir"), params.iri("other"));
            return Layout.page(name, h);
        }
        Node in = params.iri("in");
        if (in != null) {
            incomingPage(h, in);
            return Layout.page(name, h);
        }
        names(h);
        if (v.hasType(r, CKG.Place) || v.first(r, Vocab.wgsLat) != null) {
            place(h);
        }
        if (v.hasType(r, CKG.Quotation) || v.hasType(r, CKG.ReportedStatement)) {
            quotation(h);
        }
        if (v.hasType(r, CKG.Alliance)) {
            members(h);
        }
        alliances(h);
        facts(h);
        quotations(h);
        places(h);
        mentionedIn(h);
        allTriples(h);
        return Layout.page(name, h);
    }

    private void types(Html h) {
        List<Node> types = v.types(r);
        if (types.isEmpty()) {
            return;
        }
        h.open("div", "class", "types");
        for (Node t : types) {
            h.link(v.href(t), v.label(t), "title", t.isURI() ? t.getURI() : null);
        }
        h.close("div");
    }

    private void formats(Html h) {
        String local = v.localPath(r);
        if (local == null) {
            return;
        }
        h.open("div", "class", "formats").text("This description as ");
        for (DescriptionFormat f : DescriptionFormat.rdf()) {
            h.link("/data" + local + "." + f.extension(), f.name().equals("JSONLD") ? "JSON-LD" : f.name().equals("RDFXML") ? "RDF/XML"
                    : f.name().equals("NTRIPLES") ? "N-Triples" : "Turtle", "type", f.mediaType());
        }
        h.close("div");
    }

    private void names(Html h) {
        Set<String> names = new LinkedHashSet<>();
        for (Node n : v.objects(r, SKOS.altLabel.asNode(), 500)) {
            names.add(n.getLiteralLexicalForm());
        }
        for (Node n : v.objects(r, CKG.acronym, 50)) {
            names.add(n.getLiteralLexicalForm());
        }
        names.remove(v.label(r));
        if (names.isEmpty()) {
            return;
        }
        h.el("h2", "Also written");
        h.open("p").text(String.join(" · ", names)).close("p");
    }

    // --- places -------------------------------------------------------------------------------

    private void place(Html h) {
        Node lat = v.first(r, Vocab.wgsLat), lon = v.first(r, Vocab.wgsLong);
        h.el("h2", "Where");
        if (lat != null && lon != null && lat.getLiteralValue() instanceof Number la && lon.getLiteralValue() instanceof Number lo) {
            h.open("p").text("Latitude " + lat.getLiteralLexicalForm() + ", longitude " + lon.getLiteralLexicalForm()).close("p");
            List<WorldMap.Point> nearby = new ArrayList<>();
            Node places = v.iriOf("/graph/places");
            int n = 0;
            var it = v.dataset().find(places, Node.ANY, Vocab.wgsLat, Node.ANY);
            while (it.hasNext() && n++ < 5000) {
                var q = it.next();
                Node olon = v.first(places, q.getSubject(), Vocab.wgsLong);
                Node feature = v.first(places, q.getSubject(), CKG.featureCode);
                if (feature != null && feature.getLiteralLexicalForm().startsWith("A.")) {
                    continue; // countries and provinces: a centroid dot would mislead
                }
                if (q.getObject().getLiteralValue() instanceof Number a && olon != null && olon.getLiteralValue() instanceof Number b) {
                    nearby.add(new WorldMap.Point(v.label(q.getSubject()), a.doubleValue(), b.doubleValue(), v.href(q.getSubject())));
                }
            }
            org.apache.jena.atlas.iterator.Iter.close(it);
            h.open("div");
            WorldMap.draw(h, new WorldMap.Point(v.label(r), la.doubleValue(), lo.doubleValue(), null), nearby);
            h.close("div");
        }
        h.open("ul", "class", "plain");
        for (Node same : v.objects(r, OWL.sameAs.asNode(), 20)) {
            h.open("li").text("Same as ").link(v.href(same), same.getURI()).close("li");
        }
        for (Node c : v.objects(r, CKG.locatedIn, 20)) {
            h.open("li").text("In ").link(v.href(c), v.label(c)).close("li");
        }
        h.close("ul");
    }

    // --- quotations ---------------------------------------------------------------------------

    private void quotation(Html h) {
        Node text = v.first(r, CKG.text);
        if (text != null) {
            h.open("blockquote", "class", "evidence").open("mark", "class", "quote").text(text.getLiteralLexicalForm()).close("mark").close("blockquote");
        }
        h.open("ul", "class", "plain");
        for (Node s : v.objects(r, CKG.speaker, 5)) {
            h.open("li").text("Said by ").link(v.href(s), v.label(s)).close("li");
        }
        if (v.first(r, CKG.unattributed) != null) {
            h.open("li").text("No speaker is given in the reporting.").close("li");
        }
        for (Node s : v.objects(r, CKG.speakerRole, 5)) {
            h.open("li").text("Role: " + s.getLiteralLexicalForm()).close("li");
        }
        for (Node s : v.objects(r, CKG.speakerOrganization, 5)) {
            h.open("li").text("For ").link(v.href(s), v.label(s)).close("li");
        }
        for (Node s : v.objects(r, CKG.addressee, 5)) {
            h.open("li").text("Told to ").link(v.href(s), v.label(s)).close("li");
        }
        h.close("ul");
        long offset = params.offset("attestations");
        List<Binding> rows = v.select(Queries.ATTESTATIONS, LIST_PAGE + 1, offset, "r", r);
        h.el("h2", "Attested by");
        for (Binding b : rows.subList(0, Math.min(LIST_PAGE, rows.size()))) {
            evidence.attestation(h, get(b, "doc"), get(b, "a"), get(b, "sentence"));
        }
        pager(h, "attestations", offset, rows.size() > LIST_PAGE);
    }

    private void members(Html h) {
        h.el("h2", "Members");
        h.open("ul", "class", "plain");
        for (Node m : v.objects(r, CKG.member, 500)) {
            h.open("li").link(v.href(m), v.label(m)).close("li");
        }
        h.close("ul");
    }

    private void alliances(Html h) {
        List<Node> blocs = v.objects(r, CKG.memberOf, 20);
        if (blocs.isEmpty()) {
            return;
        }
        h.el("h2", "Alliances");
        h.open("ul", "class", "plain");
        for (Node a : blocs) {
            h.open("li").link(v.href(a), v.label(a)).text(": ");
            Html inner = new Html();
            boolean first = true;
            for (Node m : v.objects(a, CKG.member, 60)) {
                if (m.equals(r)) {
                    continue;
                }
                if (!first) {
                    inner.text(", ");
                }
                inner.link(v.href(m), v.label(m));
                first = false;
            }
            h.raw(inner.toString()).close("li");
        }
        h.close("ul");
    }

    // --- qualified facts with evidence --------------------------------------------------------

    private static String heading(Node type, String dir) {
        boolean in = dir.equals("in");
        if (type.equals(CKG.SupportRelation)) {
            return in ? "Supported by" : "Supports";
        }
        if (type.equals(CKG.OppositionRelation)) {
            return in ? "Opposed by" : "Opposes";
        }
        if (type.equals(CKG.RoleRelation)) {
            return in ? "People with a role here" : "Roles";
        }
        if (type.equals(CKG.SpatialRelation)) {
            return in ? "Reported distances from here" : "Reported positions";
        }
        return StoreView.shortName(type) + (in ? " (as target)" : " (as source)");
    }

    private void facts(Html h) {
        long offset = params.offset("facts");
        List<Binding> groups = v.select(Queries.FACT_GROUPS, GROUPS_PER_PAGE + 1, offset, "r", r);
        if (groups.isEmpty() && offset == 0) {
            return;
        }
        String current = null;
        for (Binding g : groups.subList(0, Math.min(GROUPS_PER_PAGE, groups.size()))) {
            Node type = get(g, "type");
            String dir = get(g, "dir").getLiteralLexicalForm();
            Node other = get(g, "other");
            long n = ((Number) get(g, "n").getLiteralValue()).longValue();
            String head = heading(type, dir);
            if (!head.equals(current)) {
                h.el("h2", head);
                current = head;
            }
            h.open("h3");
            if (other != null) {
                h.link(v.href(other), v.label(other));
            } else {
                h.text("(no other party named)");
            }
            h.raw(" ").el("span", n == 1 ? "1 report" : n + " reports", "class", "count").close("h3");
            List<Binding> ev = evidenceRows(type, dir, other, EVIDENCE_PER_GROUP + 1, 0);
            for (Binding e : ev.subList(0, Math.min(EVIDENCE_PER_GROUP, ev.size()))) {
                evidenceRow(h, e, other);
            }
            if (n > EVIDENCE_PER_GROUP) {
                h.open("div", "class", "pager").link(focusLink(type, dir, other, 0), "All " + n + " reports with their sentences").close("div");
            }
        }
        pager(h, "facts", offset, groups.size() > GROUPS_PER_PAGE);
    }

    private List<Binding> evidenceRows(Node type, String dir, Node other, long limit, long offset) {
        if (other == null) {
            return v.select(Queries.EVIDENCE_IN_NO_SOURCE, limit, offset, "r", r, "type", type);
        }
        return v.select(dir.equals("in") ? Queries.EVIDENCE_IN : Queries.EVIDENCE_OUT, limit, offset, "r", r, "type", type, "other", other);
    }

    private void evidenceRow(Html h, Binding e, Node other) {
        List<String> notes = new ArrayList<>();
        for (String var : new String[] {"kind", "role"}) {
            Node n = get(e, var);
            if (n != null) {
                notes.add(n.getLiteralLexicalForm());
            }
        }
        if (get(e, "km") != null) {
            notes.add(get(e, "km").getLiteralLexicalForm() + " km" + (get(e, "bearing") != null ? " " + get(e, "bearing").getLiteralLexicalForm() : ""));
        }
        Node rel = get(e, "rel");
        if (!notes.isEmpty()) {
            h.el("div", String.join("; ", notes), "class", "count");
        }
        Set<Node> parties = new LinkedHashSet<>();
        parties.add(r);
        if (other != null) {
            parties.add(other);
        }
        h.open("div", "id", rel != null && rel.isURI() ? "fact-" + StoreView.shortName(rel) : null);
        evidence.sentence(h, get(e, "doc"), get(e, "sentence"), parties);
        h.close("div");
    }

    private void focusedEvidence(Html h, Node type, String dir, Node other) {
        String d = dir.equals("out") ? "out" : "in";
        h.el("h2", heading(type, d) + (other != null ? ": " + v.label(other) : ""));
        long offset = params.offset("offset");
        List<Binding> rows = evidenceRows(type, d, other, EVIDENCE_PER_PAGE + 1, offset);
        for (Binding e : rows.subList(0, Math.min(EVIDENCE_PER_PAGE, rows.size()))) {
            evidenceRow(h, e, other);
        }
        h.open("div", "class", "pager");
        if (offset > 0) {
            h.link(focusLink(type, d, other, Math.max(0, offset - EVIDENCE_PER_PAGE)), "← previous");
        }
        if (rows.size() > EVIDENCE_PER_PAGE) {
            h.link(focusLink(type, d, other, offset + EVIDENCE_PER_PAGE), "next →");
        }
        h.link(path, "back to " + v.label(r));
        h.close("div");
    }

    private String focusLink(Node type, String dir, Node other, long offset) {
        return path + "?type=" + PageParams.enc(type.getURI()) + "&dir=" + dir
                + (other != null && other.isURI() ? "&other=" + PageParams.enc(other.getURI()) : "")
                + (offset > 0 ? "&offset=" + offset : "");
    }

    // --- quotations by, places, documents -----------------------------------------------------

    private void quotations(Html h) {
        long offset = params.offset("quotations");
        List<Binding> rows = v.select(Queries.QUOTATIONS_OF, LIST_PAGE + 1, offset, "r", r);
        if (rows.isEmpty() && offset == 0) {
            return;
        }
        h.el("h2", "Quotations and statements");
        h.open("ul", "class", "plain");
        for (Binding b : rows.subList(0, Math.min(LIST_PAGE, rows.size()))) {
            Node q = get(b, "q");
            Node speaker = get(b, "speaker");
            long n = ((Number) get(b, "n").getLiteralValue()).longValue();
            h.open("li");
            h.open("a", "href", v.href(q)).text(get(b, "kind").equals(CKG.Quotation) ? "“" + lex(get(b, "text")) + "”" : lex(get(b, "text"))).close("a");
            if (speaker != null && !speaker.equals(r)) {
                h.text(" — ").link(v.href(speaker), v.label(speaker));
            }
            h.raw(" ").el("span", n == 1 ? "1 document" : n + " documents", "class", "count");
            h.close("li");
        }
        h.close("ul");
        pager(h, "quotations", offset, rows.size() > LIST_PAGE);
    }

    private void places(Html h) {
        if (v.hasType(r, CKG.Place) || v.hasType(r, CKG.Document)) {
            return;
        }
        List<Binding> rows = v.select(Queries.CO_MENTIONED_PLACES, 20, 0, "r", r);
        if (rows.isEmpty()) {
            return;
        }
        h.el("h2", "Places in the same sentences");
        h.open("ul", "class", "plain");
        for (Binding b : rows) {
            Node p = get(b, "place");
            h.open("li").link(v.href(p), v.label(p)).raw(" ").el("span", get(b, "n").getLiteralLexicalForm() + "×", "class", "count").close("li");
        }
        h.close("ul");
    }

    private void mentionedIn(Html h) {
        long offset = params.offset("documents");
        List<Binding> rows = v.select(Queries.MENTIONED_IN, LIST_PAGE + 1, offset, "r", r);
        if (rows.isEmpty() && offset == 0) {
            return;
        }
        h.el("h2", "Mentioned in");
        h.open("ul", "class", "plain");
        for (Binding b : rows.subList(0, Math.min(LIST_PAGE, rows.size()))) {
            Node d = get(b, "doc");
            h.open("li").link(v.href(d), v.label(d)).raw(" ").el("span", get(b, "n").getLiteralLexicalForm() + "×", "class", "count").close("li");
        }
        h.close("ul");
        pager(h, "documents", offset, rows.size() > LIST_PAGE);
    }

    // --- every triple ------------------------------------------------------------------------

    private void allTriples(Html h) {
        h.el("h2", "All facts");
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        var it = v.union().find(r, Node.ANY, Node.ANY);
        int n = 0;
        while (it.hasNext() && n < Layout.MAX_ROWS) {
            Triple t = it.next();
            out.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            n++;
        }
        boolean cut = it.hasNext();
        org.apache.jena.atlas.iterator.Iter.close(it);
        if (cut) {
            String local = v.localPath(r);
            h.open("p", "class", "cut").text("Only the first " + Layout.MAX_ROWS + " facts are shown here. ");
            if (local != null && !local.contains("#")) {
                h.text("All of them: ").link("/data" + local + ".ttl", "Turtle").text(", or query ").link(LinkedDataFilter.UI + "#/dataset/kg/query", "SPARQL").text(".");
            } else {
                h.text("Query ").link(LinkedDataFilter.UI + "#/dataset/kg/query", "SPARQL").text(" for all of them.");
            }
            h.close("p");
        }
        h.open("table", "class", "facts");
        for (Map.Entry<Node, List<Node>> e : out.entrySet()) {
            if (e.getKey().equals(CKG.text) && v.hasType(r, CKG.Document)) {
                continue; // shown in full below
            }
            h.open("tr").open("th").link(v.href(e.getKey()), v.label(e.getKey()), "title", e.getKey().getURI()).close("th").open("td");
            boolean first = true;
            for (Node o : e.getValue()) {
                if (!first) {
                    h.raw("<br>");
                }
                value(h, o);
                first = false;
            }
            h.close("td").close("tr");
        }
        h.close("table");

        Map<Node, Long> counts = new LinkedHashMap<>();
        Map<Node, List<Node>> firsts = new LinkedHashMap<>();
        var in = v.union().find(Node.ANY, Node.ANY, r);
        int scanned = 0;
        while (in.hasNext() && scanned++ < ResourceDescriber.SCAN) {
            Triple t = in.next();
            counts.merge(t.getPredicate(), 1L, Long::sum);
            List<Node> l = firsts.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>());
            if (l.size() < INCOMING_SHOWN) {
                l.add(t.getSubject());
            }
        }
        boolean truncated = in.hasNext();
        org.apache.jena.atlas.iterator.Iter.close(in);
        if (counts.isEmpty()) {
            return;
        }
        h.el("h3", "Pointing here");
        h.open("table", "class", "facts");
        for (Map.Entry<Node, Long> e : counts.entrySet()) {
            Node p = e.getKey();
            h.open("tr").open("th").text("is ").link(v.href(p), v.label(p), "title", p.getURI()).text(" of").close("th").open("td");
            boolean first = true;
            for (Node s : firsts.get(p)) {
                if (!first) {
                    h.raw("<br>");
                }
                value(h, s);
                first = false;
            }
            if (e.getValue() > INCOMING_SHOWN) {
                h.raw("<br>").link(path + "?in=" + PageParams.enc(p.getURI()), "all " + e.getValue() + (truncated ? "+" : ""));
            }
            h.close("td").close("tr");
        }
        h.close("table");
    }

    private void incomingPage(Html h, Node p) {
        long offset = params.offset("offset");
        h.el("h2", "Is " + v.label(p) + " of");
        List<Binding> rows = v.select(Queries.INCOMING, LIST_PAGE * 4 + 1, offset, "r", r, "p", p);
        h.open("ul", "class", "plain");
        for (Binding b : rows.subList(0, Math.min(LIST_PAGE * 4, rows.size()))) {
            h.open("li");
            value(h, get(b, "s"));
            h.close("li");
        }
        h.close("ul");
        h.open("div", "class", "pager");
        String base = path + "?in=" + PageParams.enc(p.getURI());
        if (offset > 0) {
            h.link(base + "&offset=" + Math.max(0, offset - LIST_PAGE * 4), "← previous");
        }
        if (rows.size() > LIST_PAGE * 4) {
            h.link(base + "&offset=" + (offset + LIST_PAGE * 4), "next →");
        }
        h.link(path, "back to " + v.label(r));
        h.close("div");
    }

    /** A node as a table cell: a link with its label, or a literal (long ones cut). */
    private void value(Html h, Node o) {
        if (o.isURI()) {
            String label = v.label(o);
            h.link(v.href(o), label, "title", o.getURI());
            if (!label.equals(o.getURI()) && v.localPath(o) == null) {
                h.raw(" ").el("span", o.getURI(), "class", "iri");
            }
        } else if (o.isLiteral()) {
            String s = o.getLiteralLexicalForm();
            h.text(s.length() > 400 ? s.substring(0, 400) + "…" : s);
            if (!o.getLiteralLanguage().isEmpty()) {
                h.raw(" ").el("span", "@" + o.getLiteralLanguage(), "class", "count");
            }
        } else {
            h.text(o.toString());
        }
    }

    private void pager(Html h, String param, long offset, boolean more) {
        pager(h, path, param, offset, more, param.equals("facts") ? GROUPS_PER_PAGE : LIST_PAGE);
    }

    /** Previous and next links for a list paged by the offset parameter {@code param}. */
    static void pager(Html h, String path, String param, long offset, boolean more, int step) {
        if (offset == 0 && !more) {
            return;
        }
        h.open("div", "class", "pager");
        if (offset > 0) {
            h.link(path + "?" + param + "=" + Math.max(0, offset - step), "← previous");
        }
        if (more) {
            h.link(path + "?" + param + "=" + (offset + step), "next →");
        }
        h.close("div");
    }

    static Node get(Binding b, String var) {
        return b.get(Var.alloc(var));
    }

    private static String lex(Node n) {
        return n == null ? "" : n.getLiteralLexicalForm();
    }
}
