package org.conflictkg.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlFormatTest {

    private static final String PAGE = """
            <!doctype html><html><head><title>Page title</title>
            <meta property="og:title" content="Convoy hit near the border">
            <meta property="article:published_time" content="2018-02-08T10:00:00Z">
            <meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://example.org/convoy">
            <script>var tracking = "Damascus";</script><style>p{color:red}</style></head>
            <body><nav>Home | World</nav>
            <article><h1>Convoy hit near the border</h1>
            <p>A convoy was hit   near the border on Thursday.</p>
            <p>Officials said<br>three trucks burned.</p>
            <aside>Related: other news</aside></article>
            <footer>Copyright Example</footer></body></html>
            """;

    @Test
    void readsTheVisibleArticleTextAsParagraphs() {
        Document d = HtmlFormat.parse(PAGE, "p.html");
        assertEquals("Convoy hit near the border\n\nA convoy was hit near the border on Thursday.\n\nOfficials said\nthree trucks burned.", d.text());
        assertFalse(d.text().contains("tracking"));
        assertFalse(d.text().contains("Home"));
        assertFalse(d.text().contains("Copyright"));
        assertFalse(d.text().contains("Related"));
    }

    @Test
    void readsMetadataFromMetaTags() {
        Document d = HtmlFormat.parse(PAGE, "p.html");
        assertEquals("Convoy hit near the border", d.metadata().title());
        assertEquals("2018-02-08T10:00:00Z", d.metadata().date());
        assertEquals("Example News", d.metadata().source());
        assertEquals("https://example.org/convoy", d.metadata().url());
    }

    @Test
    void fallsBackToTheBodyWithoutAnArticleElement() {
        Document d = HtmlFormat.parse("<html><body><div><p>One.</p><div><p>Two.</p></div></div></body></html>", "q.html");
        assertEquals("One.\n\nTwo.", d.text());
        assertTrue(d.metadata().title() == null || d.metadata().title().isEmpty());
    }

    @Test
    void aPageWithNoVisibleTextGivesNoDocument() {
        assertNull(HtmlFormat.parse("<html><head><script>x()</script></head><body>  </body></html>", "r.html"));
    }
}
