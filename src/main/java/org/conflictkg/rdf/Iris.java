package org.conflictkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Mints the IRIs of resources under a configurable base, so that the server that serves the base
 * can resolve them.
 *
 * <ul>
 *   <li>a document: {@code {base}id/document/{first 32 hex digits of the text's SHA-256}}; its
 *       named graph has the same IRI;
 *   <li>an entity: {@code {base}{key}}, where the key is the gazetteer's, e.g. {@code
 *       id/actor/islamic-state};
 *   <li>a span of a document: the document IRI with an RFC 5147 fragment, {@code #char=s,e};
 *   <li>a quotation: {@code {base}id/quotation/{hash}}, a reported statement {@code
 *       {base}id/statement/{hash}}, where the hash is of the words with case, punctuation, quote
 *       marks and spacing folded away, so the same words quoted by two outlets are one resource.
 * </ul>
 */
public final class Iris {

    public static final String DEFAULT_BASE = "http://localhost:3030/";

    private static final String SPAN_FRAGMENT = "#char=";

    private final String base;

    public Iris(String base) {
        String b = base.endsWith("/") ? base : base + "/";
        try {
            var iri = org.apache.jena.irix.IRIx.create(b);
            if (!iri.isAbsolute() || !(b.startsWith("http://") || b.startsWith("https://"))) {
                throw new IllegalArgumentException("--base " + base + ": must be an absolute http(s) IRI");
            }
        } catch (org.apache.jena.irix.IRIException e) {
            throw new IllegalArgumentException("--base " + base + ": not a valid IRI (" + e.getMessage() + ")");
        }
        this.base = b;
    }

    public static Iris defaults() {
        return new Iris(DEFAULT_BASE);
    }

    public String base() {
        return base;
    }

    public Node document(String contentHash) {
        return NodeFactory.createURI(base + "id/document/" + contentHash.substring(0, 32));
    }

    public Node entity(String key) {
        return NodeFactory.createURI(base + key);
    }

    public Node outlet(String name) {
        return NodeFactory.createURI(base + "id/outlet/" + slug(name));
    }

    public static Node span(Node document, int start, int end) {
        return NodeFactory.createURI(document.getURI() + SPAN_FRAGMENT + start + "," + end);
    }

    /**
     * The start and end a span's IRI names ({@code <doc#char=s,e>}, RFC 5147), or null when
     * {@code node} is not such an IRI or its offsets are not {@code 0 <= s <= e}. The store keeps a
     * span's offsets only here: two quads per span restated what the IRI says (a third of all quads).
     */
    public static int[] spanOffsets(Node node) {
        if (node == null || !node.isURI()) {
            return null;
        }
        String iri = node.getURI();
        int at = iri.lastIndexOf(SPAN_FRAGMENT);
        if (at < 0) {
            return null;
        }
        int from = at + SPAN_FRAGMENT.length();
        int comma = iri.indexOf(',', from);
        if (comma < 0) {
            return null;
        }
        int start = nonNegative(iri, from, comma);
        int end = nonNegative(iri, comma + 1, iri.length());
        return start < 0 || end < start ? null : new int[] {start, end};
    }

    /** The offsets of {@code span} when it is a span of {@code document}'s text, else null. */
    public static int[] spanOffsets(Node document, Node span) {
        if (document == null || !document.isURI() || span == null || !span.isURI()) {
            return null;
        }
        String d = document.getURI();
        String s = span.getURI();
        boolean ofDocument = s.length() > d.length() && s.startsWith(d) && s.startsWith(SPAN_FRAGMENT, d.length());
        return ofDocument ? spanOffsets(span) : null;
    }

    /** The decimal digits of {@code s[from, to)} as an int, or -1 when empty, not digits or too large. */
    private static int nonNegative(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The resource of a direct quotation of these words. */
    public Node quotation(String words) {
        return NodeFactory.createURI(base + "id/quotation/" + wordsHash(words));
    }

    /** The resource of a reported statement with this content. */
    public Node statement(String words) {
        return NodeFactory.createURI(base + "id/statement/" + wordsHash(words));
    }

    /**
     * The words only: letters and digits in lower case, every other run of characters one space.
     * Two renderings of one quotation that differ in quote marks, dashes or spacing agree here.
     */
    public static String foldWords(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK || cp == '\'' || cp == '’') {
                continue; // "don’t" and "dont" agree
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else if (!space && out.length() > 0) {
                out.append(' ');
                space = true;
            }
        }
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) == ' ') {
            out.setLength(n - 1);
        }
        return out.toString();
    }

    private static String wordsHash(String words) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(foldWords(words).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Node ontologyGraph() {
        return NodeFactory.createURI(base + "graph/ontology");
    }

    public Node actorsGraph() {
        return NodeFactory.createURI(base + "graph/actors");
    }

    public Node placesGraph() {
        return NodeFactory.createURI(base + "graph/places");
    }

    /** The alliance blocs, recomputed from support and partnership. */
    public Node alliancesGraph() {
        return NodeFactory.createURI(base + "graph/alliances");
    }

    /** The conclusions of the rules over everything else in the store. */
    public Node inferencesGraph() {
        return NodeFactory.createURI(base + "graph/inferences");
    }

    /** Facts about the store itself, not about the world: which signature log commit it matches. */
    public Node storeGraph() {
        return NodeFactory.createURI(base + "graph/store");
    }

    /** How each inference was reached: rule applications, their premises and conclusions. */
    public Node provenanceGraph() {
        return NodeFactory.createURI(base + "graph/provenance");
    }

    /**
     * The graph of an RDF file loaded by an analyst: {@code {base}graph/file/{name}}, where the
     * name is the file's path as the loader saw it (relative to the folder given), each segment
     * percent-encoded. Loading the file again replaces the graph.
     */
    public Node fileGraph(String fileName) {
        StringBuilder path = new StringBuilder();
        for (String segment : fileName.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(org.apache.jena.atlas.lib.IRILib.encodeUriComponent(segment));
        }
        return NodeFactory.createURI(base + "graph/file/" + path);
    }

    /**
     * A triple as a resource, for provenance records: {@code {base}id/triple/{hash}}, the hash of
     * its N-Triples form, so the same triple always gets the same name.
     */
    public Node triple(org.apache.jena.graph.Triple t) {
        String nt = org.apache.jena.riot.out.NodeFmtLib.strNT(t.getSubject()) + " "
                + org.apache.jena.riot.out.NodeFmtLib.strNT(t.getPredicate()) + " "
                + org.apache.jena.riot.out.NodeFmtLib.strNT(t.getObject());
        return NodeFactory.createURI(base + "id/triple/" + hex16(nt));
    }

    /** One application of a rule, named by the rule and its premises (see {@code ckg:Inference}). */
    public Node inference(String ruleAndPremises) {
        return NodeFactory.createURI(base + "id/inference/" + hex16(ruleAndPremises));
    }

    private static String hex16(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code s} parses as an absolute IRI that Jena will accept without warning. */
    public static boolean isValidAbsolute(String s) {
        try {
            return IRIs.check(s) && org.apache.jena.irix.IRIx.create(s).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A readable path segment for a name: lower case ASCII letters and digits joined by hyphens
     * ("Hay'at Tahrir al-Sham" becomes {@code hayat-tahrir-al-sham}). Names with no Latin letters
     * keep their letters percent-encoded, so a slug is never empty.
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK || cp == '\'' || cp == '’') {
                continue;
            }
            if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
                out.append(Character.toLowerCase((char) cp));
                hyphen = false;
            } else if (Character.isLetterOrDigit(cp)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
                hyphen = false;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? "unnamed" : out.toString();
    }
}
