package org.conflictkg.reason;

import org.apache.jena.graph.Node;

import java.util.Objects;

/**
 * One way the store breaks a shape or an axiom.
 *
 * @param focus the resource at fault
 * @param path the property concerned, in prefixed form, or empty when the resource as a whole is
 * @param message what is wrong, in words, with the values concerned
 * @param source the shape or axiom broken, in prefixed form
 */
public record Violation(Node focus, String path, String message, String source) {

    public Violation {
        Objects.requireNonNull(focus, "focus");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }
}
