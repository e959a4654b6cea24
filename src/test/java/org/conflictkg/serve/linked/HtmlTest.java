package org.conflictkg.serve.linked;

import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTest {

    @Test
    void textAndAttributesAreEscaped() {
        String hostile = "<script>alert('x')</script> & \"q\"";
        Html h = new Html().el("p", hostile, "title", hostile);
        assertEquals("<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>", h.toString());
    }

    @Test
    void onlyLocalAndHttpIrisBecomeLinks() {
        assertEquals("<a href=\"/id/actor/x\">X</a>", new Html().link("/id/actor/x", "X").toString());
        assertEquals("<a href=\"https://sws.geonames.org/1/\">G</a>", new Html().link("https://sws.geonames.org/1/", "G").toString());
        for (String bad : new String[] {"javascript:alert(1)", "//evil.example/x", "data:text/html,x", "urn:x:y"}) {
            String out = new Html().link(bad, "t").toString();
            assertFalse(out.contains("<a"), bad + " became a link: " + out);
        }
    }

    @Test
    void requestPathsAreSpelledAsMintedIris() {
        String slug = Iris.slug("دير الزور");
        assertEquals("/id/place/" + slug, LinkedDataFilter.normalise("/id/place/" + slug.toLowerCase()));
        assertEquals("/id/place/" + slug, LinkedDataFilter.normalise("/id/place/دير-الزور"));
        assertEquals("/id/actor/syrian-democratic-forces", LinkedDataFilter.normalise("/id/actor/syrian-democratic-forces"));
    }

    @Test
    void spanTextCountsCodePoints() {
        SpanText t = new SpanText("a\uD83D\uDE00b said");
        assertEquals("b", t.slice(2, 3));
        assertEquals("\uD83D\uDE00", t.slice(1, 2));
        assertEquals("", t.slice(50, 60));
        assertTrue(t.length() == 8);
    }
}
