package org.conflictkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The reference files shipped in the jar: the ontology and the curated actor list. */
public final class ReferenceData {

    public static final String ONTOLOGY = "ontology/conflict-kg.ttl";
    public static final String ACTORS = "gazetteer/actors.ttl";

    private ReferenceData() {}

    public static String ontology() {
        return resource(ONTOLOGY);
    }

    public static String actors() {
        return resource(ACTORS);
    }

    /** A classpath resource as UTF-8 text, or null when the build did not include it. */
    public static String resource(String name) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }
}
