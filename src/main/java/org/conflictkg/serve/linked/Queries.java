package org.conflictkg.serve.linked;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The SPARQL the pages run, parsed once from constant text. Each names the variables a caller
 * binds ({@code ?r}, the resource; {@code ?other}, {@code ?type}) as nodes, never as text.
 */
final class Queries {

    private Queries() {}

    private static final String PREFIXES = """
            PREFIX ckg:  <https://w3id.org/conflict-kg/ontology#>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dct:  <http://purl.org/dc/terms/>
            PREFIX schema: <https://schema.org/>
            """;

    private static Query q(String body) {
        return QueryFactory.create(PREFIXES + body);
    }

    /** Qualified facts of ?r grouped by relation type, direction and the other party. */
    static final Query FACT_GROUPS = q("""
            SELECT ?type ?dir ?other (COUNT(DISTINCT ?rel) AS ?n) WHERE {
              { ?rel ckg:target ?r . BIND("in" AS ?dir) OPTIONAL { ?rel ckg:source ?other } }
              UNION
              { ?rel ckg:source ?r . BIND("out" AS ?dir) OPTIONAL { ?rel ckg:target ?other } }
              ?rel a ?type .
            } GROUP BY ?type ?dir ?other ORDER BY ?type ?dir DESC(?n) ?other
            """);

    private static final String EVIDENCE_TAIL = """
              ?rel a ?type ; ckg:document ?doc .
              OPTIONAL { ?rel ckg:sentence ?sentence }
              OPTIONAL { ?rel ckg:supportKind ?kind }
              OPTIONAL { ?rel ckg:roleName ?role }
              OPTIONAL { ?rel ckg:distanceKm ?km }
              OPTIONAL { ?rel ckg:bearing ?bearing }
              OPTIONAL { ?doc dct:date ?date }
            } ORDER BY DESC(?date) ?rel
            """;

    /** Relations of ?type from ?other to ?r, newest document first. */
    static final Query EVIDENCE_IN = q("SELECT ?rel ?doc ?sentence ?kind ?role ?km ?bearing ?date WHERE {\n"
            + "  ?rel ckg:target ?r ; ckg:source ?other .\n" + EVIDENCE_TAIL);

    /** Relations of ?type from ?r to ?other. */
    static final Query EVIDENCE_OUT = q("SELECT ?rel ?doc ?sentence ?kind ?role ?km ?bearing ?date WHERE {\n"
            + "  ?rel ckg:source ?r ; ckg:target ?other .\n" + EVIDENCE_TAIL);

    /** Relations of ?type to ?r that name no source (distances and bearings from a place). */
    static final Query EVIDENCE_IN_NO_SOURCE = q("SELECT ?rel ?doc ?sentence ?kind ?role ?km ?bearing ?date WHERE {\n"
            + "  ?rel ckg:target ?r . FILTER NOT EXISTS { ?rel ckg:source ?any }\n" + EVIDENCE_TAIL);

    /** Quotations and statements ?r said, or that were said for ?r, with how many documents attest each. */
    static final Query QUOTATIONS_OF = q("""
            SELECT ?q ?kind ?text ?speaker (COUNT(DISTINCT ?a) AS ?n) WHERE {
              { ?q ckg:speaker ?r } UNION { ?q ckg:speakerOrganization ?r }
              ?q a ?kind ; ckg:text ?text .
              OPTIONAL { ?q ckg:speaker ?speaker }
              OPTIONAL { ?q ckg:attestedBy ?a }
            } GROUP BY ?q ?kind ?text ?speaker ORDER BY DESC(?n) ?q
            """);

    /** Every attestation of ?r (a quotation or statement), oldest document first. */
    static final Query ATTESTATIONS = q("""
            SELECT ?a ?doc ?sentence ?date WHERE {
              ?r ckg:attestedBy ?a .
              ?a ckg:document ?doc .
              OPTIONAL { ?a ckg:sentence ?sentence }
              OPTIONAL { ?doc dct:date ?date }
            } ORDER BY ?date ?doc ?a
            """);

    /** Places named in sentences that mention ?r, from a sample of its first mentions. */
    static final Query CO_MENTIONED_PLACES = q("""
            SELECT ?place (COUNT(*) AS ?n) WHERE {
              { SELECT ?s WHERE { ?m ckg:refersTo ?r ; ckg:sentence ?s } LIMIT 5000 }
              ?m2 ckg:sentence ?s ; ckg:refersTo ?place .
              ?place a ckg:Place .
            } GROUP BY ?place ORDER BY DESC(?n) ?place
            """);

    /** Documents that mention ?r, with how often. */
    static final Query MENTIONED_IN = q("""
            SELECT ?doc (COUNT(?m) AS ?n) WHERE {
              GRAPH ?doc { ?m ckg:refersTo ?r }
            } GROUP BY ?doc ORDER BY DESC(?n) ?doc
            """);

    /** Subjects of (?s ?p ?r), for paging through one predicate's incoming links. */
    static final Query INCOMING = q("SELECT DISTINCT ?s WHERE { ?s ?p ?r }");

    /** Documents, newest first. */
    static final Query DOCUMENTS = q("""
            SELECT ?doc ?title ?date ?publisher WHERE {
              ?doc a ckg:Document .
              OPTIONAL { ?doc dct:title ?title }
              OPTIONAL { ?doc dct:date ?date }
              OPTIONAL { ?doc schema:publisher ?publisher }
            } ORDER BY DESC(?date) ?doc
            """);

    /** Kinds of actor with how many mentioned actors each has. */
    static final Query ACTOR_KINDS = q("""
            SELECT ?type (COUNT(DISTINCT ?a) AS ?n) WHERE {
              ?type rdfs:subClassOf* ckg:Actor .
              ?a a ?type .
              FILTER EXISTS { ?m ckg:refersTo ?a }
            } GROUP BY ?type ORDER BY DESC(?n) ?type
            """);

    /** Mentioned actors of one ?type, by how many mentions. */
    static final Query ACTORS_OF_KIND = q("""
            SELECT ?a (COUNT(?m) AS ?n) WHERE {
              ?a a ?type .
              ?m ckg:refersTo ?a .
            } GROUP BY ?a ORDER BY DESC(?n) ?a
            """);

    /** Alliance blocs with their size. */
    static final Query ALLIANCES = q("""
            SELECT ?alliance (COUNT(DISTINCT ?member) AS ?n) WHERE {
              ?alliance a ckg:Alliance ; ckg:member ?member .
            } GROUP BY ?alliance ORDER BY DESC(?n) ?alliance
            """);

    /**
     * Quotations attested by the newest documents: only the fifty latest documents are looked at,
     * so the cost does not grow with the store.
     */
    static final Query RECENT_QUOTATIONS = q("""
            SELECT ?q ?text ?speaker (MAX(?date) AS ?latest) WHERE {
              { SELECT ?doc ?date WHERE { ?doc a ckg:Document ; dct:date ?date } ORDER BY DESC(?date) LIMIT 50 }
              ?a ckg:document ?doc .
              ?q ckg:attestedBy ?a ; a ckg:Quotation ; ckg:text ?text .
              OPTIONAL { ?q ckg:speaker ?speaker }
            } GROUP BY ?q ?text ?speaker ORDER BY DESC(?latest) ?q
            """);

    /** A few mentioned actors of one ?type, by name: cheap enough for the landing page. */
    static final Query SOME_ACTORS_OF_KIND = q("""
            SELECT ?a (MIN(STR(?label)) AS ?name) WHERE {
              ?a a ?type ; skos:prefLabel ?label .
              FILTER EXISTS { ?m ckg:refersTo ?a }
            } GROUP BY ?a ORDER BY ?name ?a
            """);
}
