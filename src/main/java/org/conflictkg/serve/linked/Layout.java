package org.conflictkg.serve.linked;

/**
 * The frame every page shares: head with inline styles (nothing is fetched from elsewhere), a bar
 * of links to the landing page, the SPARQL UI, the VoID description and the dump.
 */
final class Layout {

    /**
     * The most rows one list or table of a page shows, whatever the store holds: longer lists are
     * paged, or cut here with a pointer to the whole description or to SPARQL.
     */
    static final int MAX_ROWS = 500;

    private Layout() {}

    private static final String CSS = """
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
            header.bar{background:#23303d;color:#fff;padding:.5em 1.5em;display:flex;gap:1.5em;align-items:center;flex-wrap:wrap}
            header.bar a{color:#dfe9f3;text-decoration:none}header.bar a.home{font-weight:700;color:#fff}
            main{max-width:72em;margin:0 auto;padding:1em 1.5em 3em}
            h1{margin:.6em 0 .1em;font-size:1.8em}h2{margin-top:1.6em;border-bottom:1px solid #d5d9de;padding-bottom:.2em;font-size:1.25em}
            h3{font-size:1.05em;margin:1em 0 .3em}
            .iri{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;color:#555;word-break:break-all}
            .types a,.types span{display:inline-block;background:#e6edf5;border-radius:3px;padding:0 .4em;margin:.1em .3em .1em 0;font-size:.85em;color:#23303d;text-decoration:none}
            .formats{font-size:.85em}.formats a{margin-right:.8em}
            table.facts{border-collapse:collapse;width:100%;font-size:.95em}table.facts td,table.facts th{border-top:1px solid #e3e6ea;padding:.25em .5em;vertical-align:top;text-align:left}
            table.facts th{width:14em;font-weight:600;color:#444}
            ul.plain{list-style:none;padding-left:0}ul.plain li{margin:.2em 0}
            .count{color:#666;font-size:.85em}
            blockquote.evidence{margin:.3em 0 .6em 0;padding:.3em .8em;border-left:3px solid #b9c6d3;background:#fff}
            blockquote.evidence .source{display:block;font-size:.8em;color:#555}
            mark{background:#ffe58a;padding:0 .1em}
            mark.quote{background:#d6ecff}
            .text{background:#fff;border:1px solid #e3e6ea;padding:1em 1.2em;white-space:pre-wrap;line-height:1.7}
            .text .boilerplate{color:#8a9099}
            .text a.mention{background:#fff1b8;color:inherit;text-decoration:none;border-bottom:2px solid #e0b400}
            .text .quote{background:#e3f1ff}
            .text :target{outline:2px solid #d9480f}
            .pager{margin:.6em 0;font-size:.9em}.pager a{margin-right:1em}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(18em,1fr));gap:.5em 2em}
            svg.map{background:#eef4fa;border:1px solid #cfd8e2;max-width:100%;height:auto}
            footer{color:#777;font-size:.8em;text-align:center;padding:2em}
            """;

    /** The page around a body built by the caller. */
    static String page(String title, Html body) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .el("title", title + " · conflict-kg")
                .raw("<style>").raw(CSS).raw("</style></head><body>")
                .raw("<header class=\"bar\"><a class=\"home\" href=\"/\">conflict-kg</a>")
                .raw("<a href=\"/ui/#/dataset/kg/query\">SPARQL</a>")
                .raw("<a href=\"/.well-known/void\">VoID</a>")
                .raw("<a href=\"/dump/kg.nq.gz\">Download (N-Quads)</a></header><main>")
                .raw(body.toString())
                .raw("</main><footer>Every fact links to the sentence it was read from. Data served read-only.</footer></body></html>\n");
        return h.toString();
    }
}
