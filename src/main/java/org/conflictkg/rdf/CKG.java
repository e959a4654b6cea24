package org.conflictkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The conflict-kg ontology's terms, mirroring {@code ontology/conflict-kg.ttl}. */
public final class CKG {

    public static final String NS = "https://w3id.org/conflict-kg/ontology#";
    public static final String ONTOLOGY_IRI = "https://w3id.org/conflict-kg/ontology";

    private CKG() {}

    public static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }

    // Classes
    public static final Node Document = term("Document");
    public static final Node Sentence = term("Sentence");
    public static final Node Boilerplate = term("Boilerplate");
    public static final Node Mention = term("Mention");
    public static final Node Actor = term("Actor");
    public static final Node Person = term("Person");
    public static final Node Organization = term("Organization");
    public static final Node Place = term("Place");
    public static final Node Alliance = term("Alliance");
    public static final Node FormalAlliance = term("FormalAlliance");
    public static final Node State = term("State");
    public static final Node ArmedGroup = term("ArmedGroup");
    public static final Node NonStateArmedGroup = term("NonStateArmedGroup");
    public static final Node TextSpan = term("TextSpan");
    public static final Node Relation = term("Relation");
    public static final Node Quotation = term("Quotation");
    public static final Node ReportedStatement = term("ReportedStatement");
    public static final Node Attestation = term("Attestation");
    public static final Node Derivation = term("Derivation");

    // Document and span properties
    public static final Node document = term("document");
    public static final Node sentence = term("sentence");
    public static final Node start = term("start");
    public static final Node end = term("end");
    public static final Node exact = term("exact");
    public static final Node refersTo = term("refersTo");
    public static final Node text = term("text");
    public static final Node contentHash = term("contentHash");
    public static final Node length = term("length");
    public static final Node fileName = term("fileName");
    public static final Node textOffset = term("textOffset");

    // Entity properties
    public static final Node acronym = term("acronym");
    public static final Node demonym = term("demonym");
    public static final Node metonym = term("metonym");
    public static final Node countryCode = term("countryCode");
    public static final Node parentOrganization = term("parentOrganization");
    public static final Node geonamesId = term("geonamesId");
    public static final Node featureCode = term("featureCode");
    public static final Node population = term("population");
    public static final Node locatedIn = term("locatedIn");

    // Relations
    public static final Node SupportRelation = term("SupportRelation");
    public static final Node OppositionRelation = term("OppositionRelation");
    public static final Node RoleRelation = term("RoleRelation");
    public static final Node SpatialRelation = term("SpatialRelation");
    public static final Node source = term("source");
    public static final Node target = term("target");
    public static final Node supportKind = term("supportKind");
    public static final Node roleName = term("roleName");
    public static final Node hasRole = term("hasRole");
    public static final Node spokespersonFor = term("spokespersonFor");
    public static final Node supports = term("supports");
    public static final Node partnersWith = term("partnersWith");
    public static final Node alliedWith = term("alliedWith");
    public static final Node supportedBy = term("supportedBy");
    public static final Node opposes = term("opposes");
    public static final Node distanceKm = term("distanceKm");
    public static final Node bearing = term("bearing");
    public static final Node member = term("member");
    public static final Node memberOf = term("memberOf");
    public static final Node hub = term("hub");
    public static final Node supportDegree = term("supportDegree");

    // Quotations and statements
    public static final Node attestedBy = term("attestedBy");
    public static final Node speaker = term("speaker");
    public static final Node addressee = term("addressee");
    public static final Node reportingVerb = term("reportingVerb");
    public static final Node speakerRole = term("speakerRole");
    public static final Node speakerOrganization = term("speakerOrganization");
    public static final Node unattributed = term("unattributed");
    public static final Node speaksFor = term("speaksFor");

    // Inference records
    public static final Node Inference = term("Inference");
    public static final Node Rule = term("Rule");
    public static final Node rule = term("rule");
    public static final Node ruleText = term("ruleText");
    public static final Node reasoningInputs = term("reasoningInputs");

    // Reuse across documents
    public static final Node derivedFrom = term("derivedFrom");
    public static final Node overlap = term("overlap");
    public static final Node jaccard = term("jaccard");
    public static final Node minHashSignature = term("minHashSignature");
    public static final Node quotationSignature = term("quotationSignature");
    public static final Node signatureLogToken = term("signatureLogToken");
}
