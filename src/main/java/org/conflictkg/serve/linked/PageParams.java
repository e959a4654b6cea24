package org.conflictkg.serve.linked;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.conflictkg.rdf.Iris;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The query parameters a page understands, read defensively: offsets are clamped non-negative
 * integers, IRIs must parse as absolute IRIs, anything else is ignored.
 */
record PageParams(Map<String, String[]> raw) {

    /** No offset beyond this: deeper pages belong to SPARQL, not to browsing. */
    static final long MAX_OFFSET = 1_000_000;

    long offset(String name) {
        String v = value(name);
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(MAX_OFFSET, Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String value(String name) {
        String[] v = raw.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    /** An IRI parameter as a node, or null when absent or not an absolute IRI. */
    Node iri(String name) {
        String v = value(name);
        return v != null && Iris.isValidAbsolute(v) ? NodeFactory.createURI(v) : null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
