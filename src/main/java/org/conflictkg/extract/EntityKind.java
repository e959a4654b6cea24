package org.conflictkg.extract;

/** The broad kinds of entity the extractor tells apart; each maps to an ontology class. */
public enum EntityKind {
    PLACE("Place"),
    PERSON("Person"),
    STATE("State"),
    STATE_FORCE("StateForce"),
    GOVERNMENT_BODY("GovernmentBody"),
    REBEL_GROUP("RebelGroup"),
    POLITICAL_MILITIA("PoliticalMilitia"),
    IDENTITY_MILITIA("IdentityMilitia"),
    EXTERNAL_FORCE("ExternalForce"),
    COALITION("Coalition"),
    INTERNATIONAL_ORGANIZATION("InternationalOrganization"),
    NON_GOVERNMENTAL_ORGANIZATION("NonGovernmentalOrganization"),
    POLITICAL_PARTY("PoliticalParty"),
    MEDIA_OUTLET("MediaOutlet"),
    ARMED_GROUP("ArmedGroup"),
    ORGANIZATION("Organization");

    private final String ontologyClass;

    EntityKind(String ontologyClass) {
        this.ontologyClass = ontologyClass;
    }

    /** The local name of the ontology class, in the {@code ckg:} namespace. */
    public String ontologyClass() {
        return ontologyClass;
    }

    public boolean isActor() {
        return this != PLACE;
    }

    /** The kind whose ontology class has this local name, or null. */
    public static EntityKind ofClass(String localName) {
        for (EntityKind k : values()) {
            if (k.ontologyClass.equals(localName)) {
                return k;
            }
        }
        return null;
    }
}
