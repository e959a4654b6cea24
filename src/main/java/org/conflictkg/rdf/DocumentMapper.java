package org.conflictkg.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerEntry;
import org.conflictkg.extract.IntroducedEntity;
import org.conflictkg.extract.Relation;
import org.conflictkg.extract.Mention;
import org.conflictkg.extract.Quotation;
import org.conflictkg.extract.Sentence;
import org.conflictkg.extract.Span;
import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentMetadata;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes what was extracted from one document as quads to a {@link StreamRDF}.
 *
 * <p>The document's own facts go to its named graph, whose IRI is the document's; descriptions of
 * the places it mentions go to the shared places graph (the same triples from every document, so
 * writing them again changes nothing). The output depends only on the text and metadata, so
 * mapping the same document twice gives the same quads.
 */
public final class DocumentMapper {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");

    private final Iris iris;
    private final Gazetteer gazetteer;

    public DocumentMapper(Iris iris, Gazetteer gazetteer) {
        this.iris = iris;
        this.gazetteer = gazetteer;
    }

    /** The named graph (and IRI) of a document. */
    public Node graphOf(Document document) {
        return iris.document(document.contentHash());
    }

    public void map(AnalyzedDocument analysis, StreamRDF out) {
        Document doc = analysis.document();
        Node g = graphOf(doc);
        CodePoints cp = new CodePoints(doc.text());
        writeMetadata(g, doc, out);

        for (Span b : analysis.boilerplate()) {
            Node s = span(g, cp, b);
            out.quad(Quad.create(g, s, RDF.type.asNode(), CKG.Boilerplate));
        }
        for (Sentence sentence : analysis.sentences()) {
            Node s = span(g, cp, sentence.span());
            out.quad(Quad.create(g, s, RDF.type.asNode(), CKG.Sentence));
        }
        Set<String> placesWritten = new HashSet<>();
        Set<String> labelsWritten = new HashSet<>();
        for (Mention m : analysis.mentions()) {
            Node s = span(g, cp, m.span());
            Node entity = iris.entity(m.entity());
            out.quad(Quad.create(g, s, RDF.type.asNode(), CKG.Mention));
            out.quad(Quad.create(g, s, CKG.refersTo, entity));
            out.quad(Quad.create(g, s, CKG.exact, NodeFactory.createLiteralString(m.exact())));
            Sentence in = analysis.sentenceOf(m.span());
            if (in != null) {
                out.quad(Quad.create(g, s, CKG.sentence, span(g, cp, in.span())));
            }
            if (labelsWritten.add(m.entity() + "\u0000" + m.exact())) {
                // Every spelling met becomes a label, with the document as its evidence.
                out.quad(Quad.create(g, entity, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(m.exact(), "en")));
            }
            if (!m.kind().isActor()) {
                writePlace(gazetteer.entry(m.entity()), placesWritten, out);
            }
        }
        for (IntroducedEntity e : analysis.introduced()) {
            Node n = iris.entity(e.key());
            out.quad(Quad.create(g, n, RDF.type.asNode(), CKG.term(e.kind().ontologyClass())));
            out.quad(Quad.create(g, n, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(e.name(), "en")));
            for (String a : e.acronyms()) {
                out.quad(Quad.create(g, n, CKG.acronym, NodeFactory.createLiteralString(a)));
            }
        }
        List<Relation> relations = analysis.relations();
        for (int i = 0; i < relations.size(); i++) {
            writeRelation(g, cp, relations.get(i), i, out);
        }
        for (Quotation q : analysis.quotations()) {
            writeQuotation(g, cp, analysis, q, out);
        }
    }

    /**
     * A quotation or statement is one resource, named by its words, so another document quoting the
     * same words adds an attestation to it. The attestation is the span of the content in this
     * document; what this article says of the speaker (role, organisation, verb, addressee) is
     * written in this document's graph.
     */
    private void writeQuotation(Node g, CodePoints cp, AnalyzedDocument analysis, Quotation q, StreamRDF out) {
        String text = q.text(analysis.text());
        boolean direct = q.kind() == Quotation.Kind.DIRECT;
        Node node = direct ? iris.quotation(text) : iris.statement(text);
        out.quad(Quad.create(g, node, RDF.type.asNode(), direct ? CKG.Quotation : CKG.ReportedStatement));
        out.quad(Quad.create(g, node, CKG.text, NodeFactory.createLiteralString(text)));
        Span extent = q.extent();
        Node attestation = span(g, cp, extent);
        out.quad(Quad.create(g, node, CKG.attestedBy, attestation));
        out.quad(Quad.create(g, attestation, RDF.type.asNode(), CKG.Attestation));
        out.quad(Quad.create(g, attestation, CKG.document, g));
        out.quad(Quad.create(g, attestation, CKG.exact, NodeFactory.createLiteralString(extent.of(analysis.text()))));
        Sentence in = analysis.sentenceOf(extent);
        if (in != null) {
            out.quad(Quad.create(g, attestation, CKG.sentence, span(g, cp, in.span())));
        }
        if (q.speaker() == null) {
            out.quad(Quad.create(g, node, CKG.unattributed, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        } else {
            out.quad(Quad.create(g, node, CKG.speaker, iris.entity(q.speaker())));
        }
        if (q.speakerRole() != null) {
            out.quad(Quad.create(g, node, CKG.speakerRole, NodeFactory.createLiteralString(q.speakerRole())));
        }
        if (q.speakerOrganization() != null) {
            out.quad(Quad.create(g, node, CKG.speakerOrganization, iris.entity(q.speakerOrganization())));
        }
        if (q.addressee() != null) {
            out.quad(Quad.create(g, node, CKG.addressee, iris.entity(q.addressee())));
        }
        if (q.reportingVerb() != null) {
            out.quad(Quad.create(g, node, CKG.reportingVerb, NodeFactory.createLiteralString(q.reportingVerb())));
        }
    }

    private void writeRelation(Node g, CodePoints cp, Relation r, int index, StreamRDF out) {
        Node node = NodeFactory.createURI(g.getURI() + "#relation-" + index);
        Node source = r.source() == null ? null : iris.entity(r.source());
        Node target = r.target() == null ? null : iris.entity(r.target());
        Node type = switch (r.type()) {
            case SUPPORT, PARTNERSHIP -> CKG.SupportRelation;
            case OPPOSITION -> CKG.OppositionRelation;
            case ROLE -> CKG.RoleRelation;
            case SPATIAL -> CKG.SpatialRelation;
            case LOCATED_IN -> null;
        };
        if (type == null) {
            out.quad(Quad.create(g, source, CKG.locatedIn, target));
            return;
        }
        out.quad(Quad.create(g, node, RDF.type.asNode(), type));
        if (source != null) {
            out.quad(Quad.create(g, node, CKG.source, source));
        }
        if (target != null) {
            out.quad(Quad.create(g, node, CKG.target, target));
        }
        out.quad(Quad.create(g, node, CKG.document, g));
        out.quad(Quad.create(g, node, CKG.sentence, span(g, cp, r.evidence())));
        switch (r.type()) {
            case SUPPORT -> {
                out.quad(Quad.create(g, source, CKG.supports, target));
                if (r.detail() != null) {
                    out.quad(Quad.create(g, node, CKG.supportKind, NodeFactory.createLiteralString(r.detail())));
                }
            }
            case PARTNERSHIP -> {
                out.quad(Quad.create(g, source, CKG.partnersWith, target));
                out.quad(Quad.create(g, node, CKG.supportKind, NodeFactory.createLiteralString("partnership")));
            }
            case OPPOSITION -> out.quad(Quad.create(g, source, CKG.opposes, target));
            case ROLE -> {
                out.quad(Quad.create(g, source, CKG.hasRole, node));
                out.quad(Quad.create(g, node, CKG.roleName, NodeFactory.createLiteralString(r.detail())));
                if (target != null && r.detail().toLowerCase(java.util.Locale.ROOT).contains("spokes")) {
                    out.quad(Quad.create(g, source, CKG.spokespersonFor, target));
                }
            }
            case SPATIAL -> {
                out.quad(Quad.create(g, node, CKG.bearing, NodeFactory.createLiteralString(r.detail())));
                out.quad(Quad.create(g, node, CKG.distanceKm, decimal(r.distanceKm())));
            }
            default -> { }
        }
    }

    /**
     * A span's resource. Its offsets are in its IRI and nowhere else in the store: stating them as
     * {@code ckg:start} and {@code ckg:end} too would add a third to every load's quads for nothing
     * a query cannot read from the IRI ({@link Iris#spanOffsets}); pages and exports state them.
     */
    private static Node span(Node g, CodePoints cp, Span span) {
        return Iris.span(g, cp.offset(span.start()), cp.offset(span.end()));
    }

    private void writeMetadata(Node g, Document doc, StreamRDF out) {
        DocumentMetadata meta = doc.metadata();
        out.quad(Quad.create(g, g, RDF.type.asNode(), CKG.Document));
        out.quad(Quad.create(g, g, RDF.type.asNode(), Vocab.schemaNewsArticle));
        out.quad(Quad.create(g, g, RDF.type.asNode(), Vocab.provEntity));
        String hash = doc.contentHash();
        out.quad(Quad.create(g, g, CKG.contentHash, NodeFactory.createLiteralString(hash)));
        out.quad(Quad.create(g, g, CKG.length, integer(doc.length())));
        out.quad(Quad.create(g, g, CKG.text, NodeFactory.createLiteralString(doc.text())));
        out.quad(Quad.create(g, g, CKG.fileName, NodeFactory.createLiteralString(meta.fileName())));
        if (doc.textOffset() > 0) {
            out.quad(Quad.create(g, g, CKG.textOffset, integer(doc.textOffset())));
        }
        if (meta.title() != null) {
            out.quad(Quad.create(g, g, DCTerms.title.asNode(), NodeFactory.createLiteralString(meta.title())));
        }
        if (meta.date() != null) {
            out.quad(Quad.create(g, g, DCTerms.date.asNode(), date(meta.date())));
        }
        if (meta.source() != null) {
            Node outlet = iris.outlet(meta.source());
            out.quad(Quad.create(g, g, Vocab.schemaPublisher, outlet));
            out.quad(Quad.create(g, outlet, RDF.type.asNode(), Vocab.schemaOrganization));
            out.quad(Quad.create(g, outlet, Vocab.schemaName, NodeFactory.createLiteralString(meta.source())));
        }
        if (meta.url() != null) {
            Node url = Iris.isValidAbsolute(meta.url()) ? NodeFactory.createURI(meta.url()) : NodeFactory.createLiteralString(meta.url());
            out.quad(Quad.create(g, g, Vocab.schemaUrl, url));
        }
        if (meta.author() != null) {
            out.quad(Quad.create(g, g, Vocab.schemaAuthor, NodeFactory.createLiteralString(meta.author())));
        }
        if (meta.externalId() != null) {
            out.quad(Quad.create(g, g, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(meta.externalId())));
        }
    }

    /**
     * Describes a place, its province and its country, each once per document ({@code written}
     * remembers). Containment is written as the direct facts GeoNames' hierarchy gives: a town lies
     * in its province, or in its country when no province is known, and the province in the
     * country. {@code ckg:locatedIn} is transitive: materialized reasoning adds the town in its
     * country, so that fact is not stored twice for every town (a store loaded with {@code
     * --reasoning none} lacks it).
     */
    private void writePlace(GazetteerEntry place, Set<String> written, StreamRDF out) {
        if (place == null || !written.add(place.key())) {
            return;
        }
        Node pg = iris.placesGraph();
        Node p = iris.entity(place.key());
        out.quad(Quad.create(pg, p, RDF.type.asNode(), CKG.Place));
        out.quad(Quad.create(pg, p, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(place.name(), "en")));
        if (place.geonamesId() != null) {
            out.quad(Quad.create(pg, p, CKG.geonamesId, NodeFactory.createLiteralString(place.geonamesId())));
            out.quad(Quad.create(pg, p, OWL.sameAs.asNode(), Vocab.geonames(place.geonamesId())));
        }
        if (place.hasCoordinates()) {
            out.quad(Quad.create(pg, p, Vocab.wgsLat, decimal(place.lat())));
            out.quad(Quad.create(pg, p, Vocab.wgsLong, decimal(place.lon())));
        }
        GazetteerEntry province = gazetteer.provinceOf(place);
        if (place.countryCode() != null) {
            out.quad(Quad.create(pg, p, CKG.countryCode, NodeFactory.createLiteralString(place.countryCode())));
            GazetteerEntry country = gazetteer.countryOf(place.countryCode());
            if (province == null && country != null && !country.key().equals(place.key())) {
                // GeoNames' hierarchy: every place lies in its country, through its province when known.
                out.quad(Quad.create(pg, p, CKG.locatedIn, iris.entity(country.key())));
                writePlace(country, written, out);
            }
        }
        if (province != null) {
            out.quad(Quad.create(pg, p, CKG.locatedIn, iris.entity(province.key())));
            writePlace(province, written, out);
        }
        if (place.featureCode() != null) {
            out.quad(Quad.create(pg, p, CKG.featureCode, NodeFactory.createLiteralString(place.featureCode())));
        }
        if (place.population() > 0) {
            out.quad(Quad.create(pg, p, CKG.population, NodeFactory.createLiteralDT(Long.toString(place.population()), XSDDatatype.XSDinteger)));
        }
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node decimal(double d) {
        return NodeFactory.createLiteralDT(java.math.BigDecimal.valueOf(d).toPlainString(), XSDDatatype.XSDdecimal);
    }

    private static Node date(String date) {
        if (ISO_DATE.matcher(date).matches()) {
            return NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate);
        }
        if (ISO_DATE_TIME.matcher(date).matches()) {
            return NodeFactory.createLiteralDT(date, XSDDatatype.XSDdateTime);
        }
        return NodeFactory.createLiteralString(date);
    }
}
