package org.conflictkg.serve.linked;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.rdf.CKG;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The VoID description of the served dataset: its size (triples across all graphs, entities),
 * the vocabularies it uses, a partition by class, where its IRIs live ({@code void:uriSpace}),
 * its SPARQL endpoint and its dump.
 *
 * <p>The counts take one pass over the store, which for tens of millions of quads is a minute or
 * two. The server is read-only and TDB2 lets no other process write while it holds the store, so
 * the pass is made once, in the background from the moment the server starts ({@link #start}),
 * and kept; a request that comes before it ends waits up to the query time limit, then is told to
 * come back ({@code 503} with {@code Retry-After}).
 */
final class VoidDescription {

    static final String VOID = "http://rdfs.org/ns/void#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    /** What one pass over the store finds. */
    record Statistics(long triples, long entities, long documents, Set<String> vocabularies, Map<Node, Long> classes,
                      long properties) {}

    private final DatasetGraph dsg;
    private final String base;
    private final CompletableFuture<Statistics> stats = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile Thread counting;

    VoidDescription(DatasetGraph dsg, String base) {
        this.dsg = dsg;
        this.base = base;
    }

    /** Starts counting on a daemon thread. */
    void start() {
        Thread t = new Thread(() -> {
            try {
                stats.complete(Txn.calculateRead(dsg, this::count));
            } catch (RuntimeException e) {
                stats.completeExceptionally(e);
            }
        }, "kg-void-statistics");
        t.setDaemon(true);
        counting = t;
        t.start();
    }

    /**
     * Stops a count still running (the server is stopping) and waits for its read transaction to
     * end, so that the store can be closed as soon as the server has stopped.
     */
    void stop() {
        cancelled = true;
        Thread t = counting;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The statistics, waiting for the count at most {@code waitMillis}.
     *
     * @throws TimeoutException when the count has not finished in that time
     */
    Statistics statistics(long waitMillis) throws TimeoutException {
        try {
            return stats.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("counting the store failed: " + e.getCause(), e.getCause());
        }
    }

    private Statistics count() {
        long triples = 0;
        Set<Node> entities = new HashSet<>();
        Set<Node> predicates = new HashSet<>();
        Map<Node, Set<Node>> byClass = new HashMap<>();
        Set<String> vocabularies = new TreeSet<>();
        String entityPrefix = base + "id/";
        var it = dsg.find();
        while (it.hasNext() && !cancelled) {
            Quad q = it.next();
            triples++;
            Node s = q.getSubject();
            boolean entity = s.isURI() && s.getURI().startsWith(entityPrefix) && s.getURI().indexOf('#') < 0;
            if (entity) {
                entities.add(s);
            }
            if (predicates.add(q.getPredicate())) {
                vocabularies.add(namespace(q.getPredicate()));
            }
            if (q.getPredicate().equals(RDF.type.asNode()) && q.getObject().isURI() && entity) {
                if (byClass.computeIfAbsent(q.getObject(), k -> new HashSet<>()).add(s) && byClass.get(q.getObject()).size() == 1) {
                    vocabularies.add(namespace(q.getObject()));
                }
            }
        }
        Map<Node, Long> classes = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        byClass.forEach((c, members) -> classes.put(c, (long) members.size()));
        long documents = byClass.getOrDefault(CKG.Document, Set.of()).size();
        return new Statistics(triples, entities.size(), documents, vocabularies, classes, predicates.size());
    }

    private static String namespace(Node n) {
        String s = n.getURI();
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        return cut > 0 ? s.substring(0, cut + 1) : s;
    }

    /**
     * The description, with the server's own address (as the client reached it) for the endpoint
     * and the dump.
     */
    Graph describe(String serverRoot, long waitMillis) throws TimeoutException {
        Statistics s = statistics(waitMillis);
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("void", VOID).setNsPrefix("dct", DCTerms.NS).setNsPrefix("ckg", CKG.NS)
                .setNsPrefix("xsd", XSDDatatype.XSD + "#");
        Node doc = uri(base + ".well-known/void");
        Node ds = uri(base + ".well-known/void#conflict-kg");
        g.add(Triple.create(doc, RDF.type.asNode(), uri(VOID + "DatasetDescription")));
        g.add(Triple.create(doc, DCTerms.title.asNode(), NodeFactory.createLiteralString("A VoID description of the conflict-kg dataset")));
        g.add(Triple.create(doc, uri("http://xmlns.com/foaf/0.1/primaryTopic"), ds));
        g.add(Triple.create(ds, RDF.type.asNode(), uri(VOID + "Dataset")));
        g.add(Triple.create(ds, DCTerms.title.asNode(), NodeFactory.createLiteralString("conflict-kg")));
        g.add(Triple.create(ds, DCTerms.description.asNode(), NodeFactory.createLiteralString(
                "Actors, places, alliances, support, opposition, quotations and reported statements read from news on armed conflict, each fact with the sentence it came from.")));
        g.add(Triple.create(ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(base)));
        g.add(Triple.create(ds, uri(VOID + "sparqlEndpoint"), uri(serverRoot + "kg/sparql")));
        g.add(Triple.create(ds, uri(VOID + "dataDump"), uri(serverRoot + "dump/kg.nq.gz")));
        g.add(Triple.create(ds, uri(VOID + "rootResource"), uri(base)));
        g.add(Triple.create(ds, uri(VOID + "triples"), integer(s.triples())));
        g.add(Triple.create(ds, uri(VOID + "entities"), integer(s.entities())));
        g.add(Triple.create(ds, uri(VOID + "properties"), integer(s.properties())));
        g.add(Triple.create(ds, uri(VOID + "classes"), integer(s.classes().size())));
        g.add(Triple.create(ds, uri(VOID + "documents"), integer(s.documents())));
        for (String ns : s.vocabularies()) {
            g.add(Triple.create(ds, uri(VOID + "vocabulary"), uri(ns)));
        }
        for (String f : new String[] {"N-Quads", "Turtle", "JSON-LD", "N-Triples", "RDF_XML"}) {
            g.add(Triple.create(ds, uri(VOID + "feature"), uri(FORMATS + f)));
        }
        int i = 0;
        for (Map.Entry<Node, Long> c : s.classes().entrySet()) {
            Node part = uri(base + ".well-known/void#class-" + (i++));
            g.add(Triple.create(ds, uri(VOID + "classPartition"), part));
            g.add(Triple.create(part, uri(VOID + "class"), c.getKey()));
            g.add(Triple.create(part, uri(VOID + "entities"), integer(c.getValue())));
        }
        return g;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
