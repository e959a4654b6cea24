package org.conflictkg.reason.engine;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import java.util.List;

/**
 * What the rules read: a set of triples, looked up by pattern. The {@link ForwardChainer} never
 * writes through this view; its caller writes each round's conclusions to the underlying store,
 * then calls {@link #refresh()} so that the next round sees them.
 */
public interface Facts {

    /** The distinct triples matching the pattern; {@link Node#ANY} (or null) matches anything. */
    List<Triple> find(Node s, Node p, Node o);

    boolean contains(Triple t);

    /** The underlying store has changed: forget anything remembered from it. */
    default void refresh() {}
}
