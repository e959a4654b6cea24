package org.conflictkg.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which JSON field holds which part of an article. Defaults: {@code text}, {@code title},
 * {@code date}, {@code source}, {@code url}, {@code id}, {@code author}; {@code --field
 * text=content_original} maps another name.
 */
public final class FieldMapping {

    public static final Set<String> ROLES = Set.of("text", "title", "date", "source", "url", "id", "author");

    private final Map<String, String> fieldByRole;

    private FieldMapping(Map<String, String> fieldByRole) {
        this.fieldByRole = Map.copyOf(fieldByRole);
    }

    public static FieldMapping defaults() {
        Map<String, String> m = new HashMap<>();
        ROLES.forEach(r -> m.put(r, r));
        return new FieldMapping(m);
    }

    /**
     * Applies {@code role=field} overrides.
     *
     * @throws IllegalArgumentException naming the bad override and the roles there are
     */
    public FieldMapping with(Iterable<String> overrides) {
        Map<String, String> m = new HashMap<>(fieldByRole);
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String role = eq > 0 ? o.substring(0, eq).strip() : "";
            String field = eq > 0 ? o.substring(eq + 1).strip() : "";
            if (!ROLES.contains(role) || field.isEmpty()) {
                throw new IllegalArgumentException("--field " + o + ": expected ROLE=FIELD with ROLE one of "
                        + String.join(", ", ROLES.stream().sorted().toList()));
            }
            m.put(role, field);
        }
        return new FieldMapping(m);
    }

    public String field(String role) {
        return fieldByRole.get(role);
    }
}
