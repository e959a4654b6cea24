package org.conflictkg.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Reads the visible article text of an HTML page.
 *
 * <p>Scripts, styles, navigation, headers, footers, forms and asides are dropped; the {@code
 * <article>} element is preferred when the page has one. Block elements become paragraphs
 * (separated by a blank line) so that sentence and quotation rules see the same shape as in plain
 * text. Metadata comes from the usual places: {@code og:} and {@code article:} meta tags, {@code
 * <title>}, {@code <time datetime>} and the canonical link.
 */
public final class HtmlFormat {

    private static final Set<String> DROPPED = Set.of(
            "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
            "svg", "button", "select", "template", "head", "menu", "dialog");

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "blockquote", "pre", "table", "tr", "figure", "figcaption", "dl", "dt", "dd",
            "address", "caption", "body");

    private HtmlFormat() {}

    /** Parses {@code html}; returns null when the page has no visible text. */
    public static Document parse(String html, String fileName) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        String title = firstNonBlank(
                meta(page, "meta[property=og:title]"), page.title(), text(page.selectFirst("h1")));
        String date = firstNonBlank(
                meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[name=date]"),
                meta(page, "meta[itemprop=datePublished]"),
                attr(page.selectFirst("time[datetime]"), "datetime"));
        String source = firstNonBlank(meta(page, "meta[property=og:site_name]"), meta(page, "meta[name=publisher]"));
        String url = firstNonBlank(attr(page.selectFirst("link[rel=canonical]"), "href"), meta(page, "meta[property=og:url]"));
        String author = firstNonBlank(meta(page, "meta[name=author]"), meta(page, "meta[property=article:author]"));

        Element root = page.selectFirst("article");
        if (root == null || root.text().isBlank()) {
            root = page.body();
        }
        String text = root == null ? "" : visibleText(root);
        if (text.isBlank()) {
            return null;
        }
        return new Document(text, new DocumentMetadata(title, date, source, url, author, null, fileName));
    }

    /** Block-structured visible text: paragraphs separated by one blank line, spaces collapsed. */
    static String visibleText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipDepth = -1;

            @Override
            public void head(Node node, int depth) {
                if (skipDepth >= 0) {
                    return;
                }
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (DROPPED.contains(tag) || e.hasAttr("hidden")) {
                        skipDepth = depth;
                    } else if (BLOCKS.contains(tag)) {
                        paragraphBreak(out);
                    } else if (tag.equals("br")) {
                        trimTrailingSpace(out);
                        out.append('\n');
                    }
                } else if (node instanceof TextNode t) {
                    appendCollapsed(out, t.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skipDepth == depth) {
                    skipDepth = -1;
                    return;
                }
                if (skipDepth < 0 && node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    paragraphBreak(out);
                }
            }
        }, root);
        return out.toString().strip();
    }

    private static void appendCollapsed(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                int n = out.length();
                if (n > 0 && out.charAt(n - 1) != ' ' && out.charAt(n - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void paragraphBreak(StringBuilder out) {
        trimTrailingSpace(out);
        int n = out.length();
        if (n == 0) {
            return;
        }
        if (out.charAt(n - 1) != '\n') {
            out.append("\n\n");
        } else if (n < 2 || out.charAt(n - 2) != '\n') {
            out.append('\n');
        }
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String meta(org.jsoup.nodes.Document page, String selector) {
        return attr(page.selectFirst(selector), "content");
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
