package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

import java.util.List;

/**
 * Extends the store's writes inside their transactions. The store tells the hook which named
 * graphs a write transaction has added or replaced, just before that transaction commits, and
 * the hook may write more to it (knowledge derived from the new graphs). The graphs and what is
 * derived from them then commit together: after a crash the store holds both or neither.
 *
 * <p>Failure path: an exception from the hook aborts the transaction, with the graphs that
 * triggered it; the store reports it as a failed write ({@link StoreException}).
 */
public interface WriteHook {

    /** Does nothing. */
    WriteHook NONE = new WriteHook() {
        @Override
        public void graphsAdded(DatasetGraph dsg, List<Node> graphs) {}

        @Override
        public void graphReplaced(DatasetGraph dsg, Node graph) {}
    };

    /**
     * Named graphs new to the store are in {@code dsg}, inside a write transaction not yet
     * committed. Nothing else in the store changed in this transaction.
     */
    void graphsAdded(DatasetGraph dsg, List<Node> graphs);

    /**
     * A named graph's content was replaced (triples may have gone), inside a write transaction
     * not yet committed.
     */
    void graphReplaced(DatasetGraph dsg, Node graph);
}
