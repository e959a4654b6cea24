package org.conflictkg.serve.linked;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreViewTest {

    @Test
    void everyQueryOfAPageSharesOneTimeLimit() throws InterruptedException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var ask = QueryFactory.create("SELECT * { BIND(1 AS ?x) }");
        StoreView view = new StoreView(dsg, Iris.defaults(), 200);
        assertEquals(1, view.select(ask, -1, 0).size());
        Thread.sleep(250);
        // Each query alone would be quick: the page as a whole has had its time.
        assertThrows(QueryCancelledException.class, () -> view.select(ask, -1, 0));
    }
}
