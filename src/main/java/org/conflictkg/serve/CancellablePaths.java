package org.conflictkg.serve;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterPath;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.util.iterator.ExtendedIterator;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes property paths stop when their query is cancelled (by the time limit), at every step.
 *
 * <p>ARQ checks for cancellation between the rows an operator produces, but Jena 5.6's path engine
 * works out each row's closure ({@code ?a (p|!p)* ?b} from one node) in one go, over as much of the
 * store as it reaches, without looking: the shape of Jena issue 3535 (fixed upstream after 5.6 by
 * passing the cancel signal to the path engine's finds). Here paths are evaluated over a view of the
 * graph whose every find, and every triple it returns, checks the query's cancel signal, so a
 * cancelled path stops within one triple. A path too deep for the engine's recursion fails with a
 * message that says so. Everything else runs as TDB2's own executor runs it.
 *
 * <pre>{@code
 * CancellablePaths.install(store.dataset().getContext());
 * }</pre>
 */
final class CancellablePaths {

    private CancellablePaths() {}

    /** Sets this executor for every query over the dataset whose context this is. */
    static void install(Context datasetContext) {
        QC.setFactory(datasetContext, FACTORY);
    }

    static final OpExecutorFactory FACTORY = Executor::new;

    private static final class Executor extends OpExecutorTDB2 {
        Executor(ExecutionContext execCxt) {
            super(execCxt);
        }

        @Override
        protected QueryIterator execute(OpPath opPath, QueryIterator input) {
            AtomicBoolean cancel = execCxt.getCancelSignal();
            if (cancel == null) {
                return super.execute(opPath, input);
            }
            Graph watched = new Watched(execCxt.getActiveGraph(), cancel);
            return new BoundedPath(opPath, input, ExecutionContext.copyChangeActiveGraph(execCxt, watched));
        }
    }

    /**
     * A path whose evaluation is too deep for the engine's recursion (one stack frame a step: a
     * chain of some 20,000 steps overflows it) fails as a query error that says so, rather than
     * as a bare {@link StackOverflowError}.
     */
    private static final class BoundedPath extends QueryIterPath {
        BoundedPath(OpPath opPath, QueryIterator input, ExecutionContext execCxt) {
            super(opPath.getTriplePath(), input, execCxt);
        }

        @Override
        protected boolean hasNextBinding() {
            try {
                return super.hasNextBinding();
            } catch (StackOverflowError e) {
                throw tooDeep();
            }
        }

        @Override
        protected org.apache.jena.sparql.engine.binding.Binding moveToNextBinding() {
            try {
                return super.moveToNextBinding();
            } catch (StackOverflowError e) {
                throw tooDeep();
            }
        }

        private static QueryExecException tooDeep() {
            return new QueryExecException("The property path goes deeper than the query engine can follow; bound its length or start from fewer nodes");
        }
    }

    /** A graph that refuses to go on once its query is cancelled. */
    static final class Watched extends GraphWrapper {
        private final AtomicBoolean cancel;

        Watched(Graph graph, AtomicBoolean cancel) {
            super(graph);
            this.cancel = cancel;
        }

        private void check() {
            if (cancel.get()) {
                throw new QueryCancelledException();
            }
        }

        @Override
        public ExtendedIterator<Triple> find(Triple m) {
            check();
            return get().find(m).filterKeep(t -> {
                check();
                return true;
            });
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            check();
            return get().find(s, p, o).filterKeep(t -> {
                check();
                return true;
            });
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            check();
            return get().contains(s, p, o);
        }

        @Override
        public boolean contains(Triple t) {
            check();
            return get().contains(t);
        }
    }
}
