package org.conflictkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms of the standard vocabularies conflict-kg writes, beyond those Jena already names. */
public final class Vocab {

    private Vocab() {}

    public static final String SCHEMA = "https://schema.org/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String WGS = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String GEONAMES = "https://sws.geonames.org/";

    public static final Node schemaNewsArticle = uri(SCHEMA + "NewsArticle");
    public static final Node schemaPublisher = uri(SCHEMA + "publisher");
    public static final Node schemaName = uri(SCHEMA + "name");
    public static final Node schemaUrl = uri(SCHEMA + "url");
    public static final Node schemaAuthor = uri(SCHEMA + "author");
    public static final Node schemaDatePublished = uri(SCHEMA + "datePublished");
    public static final Node schemaOrganization = uri(SCHEMA + "Organization");
    public static final Node provEntity = uri(PROV + "Entity");
    public static final Node provUsed = uri(PROV + "used");
    public static final Node provWasGeneratedBy = uri(PROV + "wasGeneratedBy");
    public static final Node provDerivation = uri(PROV + "Derivation");
    /** {@code prov:entity}, the property (the class is {@link #provEntity}). */
    public static final Node provEntityProperty = uri(PROV + "entity");
    public static final Node provWasDerivedFrom = uri(PROV + "wasDerivedFrom");
    public static final Node provQualifiedDerivation = uri(PROV + "qualifiedDerivation");
    public static final Node provWasQuotedFrom = uri(PROV + "wasQuotedFrom");
    public static final Node wgsLat = uri(WGS + "lat");
    public static final Node wgsLong = uri(WGS + "long");

    /** The GeoNames IRI of a feature, as GeoNames itself publishes it. */
    public static Node geonames(String id) {
        return uri(GEONAMES + id + "/");
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }
}
