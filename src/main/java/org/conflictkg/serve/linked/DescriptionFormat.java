package org.conflictkg.serve.linked;

import org.apache.jena.riot.Lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The forms in which a resource's description is served, and the choice among them by the
 * client's {@code Accept} header (quality values honoured; on a tie, the order here decides, HTML
 * first because a client that sends {@code *}{@code /*} alone is most often a person's tool).
 */
public enum DescriptionFormat {
    HTML("text/html", "html", null),
    TURTLE("text/turtle", "ttl", Lang.TURTLE),
    JSONLD("application/ld+json", "jsonld", Lang.JSONLD11),
    NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES),
    RDFXML("application/rdf+xml", "rdf", Lang.RDFXML);

    private final String mediaType;
    private final String extension;
    private final Lang lang;

    DescriptionFormat(String mediaType, String extension, Lang lang) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.lang = lang;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The RDF syntax, or null for HTML. */
    public Lang lang() {
        return lang;
    }

    /** The format whose file extension this is, or null. */
    public static DescriptionFormat byExtension(String ext) {
        for (DescriptionFormat f : values()) {
            if (f.extension.equals(ext)) {
                return f;
            }
        }
        return null;
    }

    /** The RDF formats only, for answers that have no HTML form. */
    public static List<DescriptionFormat> rdf() {
        return List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);
    }

    /**
     * The best of {@code offers} for an {@code Accept} header, or null when the client accepts
     * none of them (406). A missing or empty header accepts anything, so gets the first offer.
     */
    public static DescriptionFormat negotiate(String accept, List<DescriptionFormat> offers) {
        if (accept == null || accept.isBlank()) {
            return offers.get(0);
        }
        List<String[]> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] bits = part.split(";");
            String range = bits[0].strip().toLowerCase(Locale.ROOT);
            String q = "1";
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].strip();
                if (p.startsWith("q=")) {
                    q = p.substring(2).strip();
                }
            }
            if (!range.isEmpty()) {
                ranges.add(new String[] {range, q});
            }
        }
        DescriptionFormat best = null;
        double bestQ = 0;
        for (DescriptionFormat f : offers) {
            double q = quality(f, ranges);
            if (q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return best;
    }

    /** The quality the most specific matching range gives {@code f}; 0 when none matches. */
    private static double quality(DescriptionFormat f, List<String[]> ranges) {
        int specificity = -1;
        double q = 0;
        String type = f.mediaType.substring(0, f.mediaType.indexOf('/'));
        for (String[] r : ranges) {
            String range = r[0];
            int s;
            if (range.equals(f.mediaType) || (f == JSONLD && range.equals("application/json"))) {
                // application/json is JSON-LD's plain-JSON reading; ranked just below an exact match.
                s = range.equals(f.mediaType) ? 3 : 2;
            } else if (range.equals(type + "/*")) {
                s = 1;
            } else if (range.equals("*/*") || range.equals("*")) {
                s = 0;
            } else {
                continue;
            }
            if (s > specificity) {
                specificity = s;
                q = parseQ(r[1]);
            }
        }
        return q;
    }

    private static double parseQ(String q) {
        try {
            double v = Double.parseDouble(q);
            return v < 0 ? 0 : Math.min(v, 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
