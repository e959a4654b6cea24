package org.conflictkg.store;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.cli.CliTest;
import org.conflictkg.rdf.CKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kills {@code kg load} with SIGKILL at seeded random moments spread over a load of a few hundred
 * articles, then runs the same load again, and requires the store to end exactly as a clean load
 * leaves it: every graph, the documents' and the derived ones (places, inferences, provenance,
 * alliance blocs, reuse across documents). Right after each kill, every document the store holds
 * must be whole.
 *
 * <p>The loads that are killed run as separate JVMs from the shaded jar that {@code package}
 * builds, as a user runs them; the load run again after a kill runs {@code kg load} in this JVM.
 * {@code -Dcrash.seed=N} replays other moments.
 */
class LoadCrashIT {

    private static final int TRIALS = 10;
    private static final int ARTICLES = 250;

    @TempDir
    Path tmp;

    @Test
    void aLoadKilledAtAnyMomentAndRunAgainEndsAsACleanLoad() throws Exception {
        Path jar = Path.of("target", "conflict-kg.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": the shaded jar is built by mvn package, before this test");
        Path in = writeArticles(Files.createDirectories(tmp.resolve("in")));

        Path cleanDb = tmp.resolve("clean");
        Load clean = new Load(jar, cleanDb, in);
        assertEquals(0, clean.finish(), clean.log());
        Snapshot expected = Snapshot.of(cleanDb);
        assertEquals(ARTICLES, expected.documents().size(), "documents stored by the clean load");
        // When each batch committed: the kills are spread over the time from start-up to each commit.
        List<Long> commits = clean.commitMillis();
        assertTrue(commits.size() >= 4, "the load should take several transactions: " + clean.log());

        long seed = Long.getLong("crash.seed", 8L);
        Random random = new Random(seed);
        List<String> trials = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            // After the start (commit 0) or after commit k, somewhere before the next commit would be.
            int after = i % commits.size();
            long span = commits.get(after) - (after == 0 ? 0 : commits.get(after - 1));
            long delay = (long) (span * random.nextDouble());
            Path db = tmp.resolve("trial-" + i);
            Load killed = new Load(jar, db, in);
            boolean reached = killed.awaitCommits(after);
            boolean finished = !reached || killed.process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                killed.process.destroyForcibly();
            }
            killed.finish();
            String moment = finished ? "finished before the kill (after commit " + after + " + " + delay + " ms)"
                    : "killed " + delay + " ms after " + (after == 0 ? "start" : "commit " + after);
            int held = 0;
            if (Files.exists(db)) {
                Snapshot crashed = Snapshot.of(db);
                for (Node doc : crashed.documents()) {
                    assertEquals(expected.graph(doc), crashed.graph(doc), "trial " + i + ", " + moment + ": document " + doc + " is not whole");
                }
                held = crashed.documents().size();
                assertEquals("", logMismatch(db, false), "trial " + i + ", " + moment + ": the signature log after the kill");
            }
            // Run again as kg runs it, in this JVM: what is on trial is the store the kill left, and
            // a second JVM would double the test's time for the start-up alone.
            CliTest.Run again = CliTest.kg("load", "--db", db.toString(), in.toString());
            assertEquals(0, again.code(), "trial " + i + ", " + moment + ": the load after the kill failed:\n" + again.out() + again.err());
            assertEquals("", logMismatch(db, true), "trial " + i + ", " + moment + ": the signature log after the load again");
            String diff = expected.differences(Snapshot.of(db));
            if (!diff.isEmpty()) {
                fail("trial " + i + " (seed " + seed + "), " + moment + ", with " + held
                        + " documents stored: the store differs from a clean load:\n" + diff);
            }
            trials.add(moment + ": " + held + " of " + ARTICLES + " documents stored, then the load again gave the same store");
        }
        System.out.printf(Locale.ROOT, "LoadCrashIT: clean load with commits at %s ms, seed %d, %d trials:%n  %s%n",
                commits, seed, TRIALS, String.join("\n  ", trials));
    }

    /**
     * {@code kg load --log-commits --commit-quads 1} of {@code in} into {@code db} in a JVM of its
     * own (a commit after every batch, so that a few hundred articles make several transactions),
     * its output read as it comes so that the test knows when each batch has committed.
     */
    private static final class Load {
        final Process process;
        private final long start = System.nanoTime();
        private final List<Long> commits = new ArrayList<>();
        private final StringBuilder log = new StringBuilder();
        private final Thread pump;

        Load(Path jar, Path db, Path in) throws IOException {
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // C1 only and one GC thread: a short run on a shared machine spends most of its CPU on
            // start-up, which these halve.
            process = new ProcessBuilder(javaCommand, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g",
                    "-jar", jar.toString(), "load", "--log-commits", "--commit-quads", "1", "--db", db.toString(), in.toString())
                    .redirectErrorStream(true)
                    .start();
            pump = new Thread(() -> {
                try (var r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (this) {
                            log.append(line).append('\n');
                            if (line.startsWith("committed: ")) {
                                commits.add((System.nanoTime() - start) / 1_000_000);
                            }
                            notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // The process was killed: its output ends here.
                }
                synchronized (this) {
                    notifyAll();
                }
            }, "kg-load-output");
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits until {@code n} batches have committed; false when the process ended first. */
        synchronized boolean awaitCommits(int n) throws InterruptedException {
            while (commits.size() < n) {
                if (!pump.isAlive()) {
                    return false;
                }
                wait(100);
            }
            return true;
        }

        int finish() throws InterruptedException {
            int code = process.waitFor();
            pump.join(10_000);
            return code;
        }

        synchronized List<Long> commitMillis() {
            return List.copyOf(commits);
        }

        synchronized String log() {
            return log.toString();
        }
    }

    private static final String[] PLACES = {"Raqqa", "Deir ez-Zor", "Aleppo", "Idlib", "Homs", "Mosul", "Kirkuk", "Afrin",
        "Manbij", "Palmyra", "Daraa", "Kobani", "Tal Afar", "Hama"};
    private static final String[] BACKED = {"U.S.-backed Syrian Democratic Forces", "Russian-backed Syrian army units",
        "Iranian-backed militias", "Turkish-backed rebels", "Kurdish fighters", "Iraqi forces"};
    private static final String[] SPEAKERS = {"Colonel Jane Roe, a spokeswoman for the coalition,",
        "Major John Doe, a spokesman for the Syrian Democratic Forces,", "a Turkish official", "Mark Smith, a spokesman for the United Nations,"};
    private static final String[] VERBS = {"advanced on", "shelled positions near", "pulled back from", "reinforced their lines around"};

    /**
     * Small news-like articles, distinct by their number: support, places, quotations with
     * speakers, and every ninth a repost of an earlier one with a line added, so that reuse
     * across documents is found too.
     */
    private static Path writeArticles(Path dir) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String body;
            if (i % 9 == 8) {
                body = bodies.get(i - 5) + "\n\nThe report was updated with figures from local officials on day " + i + ".";
            } else {
                String place = PLACES[i % PLACES.length];
                String other = PLACES[(i * 5 + 3) % PLACES.length];
                body = String.format(Locale.ROOT, """
                        %s %s %s on day %d of the offensive, residents said.

                        "We will hold %s whatever it costs, and report %d shows it," %s told Reuters.

                        Aid groups said %d families fled toward %s after shelling near the %s road on the %s of the month.""",
                        BACKED[i % BACKED.length], VERBS[(i / 3) % VERBS.length], place, i, other, i,
                        SPEAKERS[(i / 2) % SPEAKERS.length], 2 + i % 17, other, place, ordinal(1 + i % 28));
            }
            bodies.add(body);
            String header = String.format(Locale.ROOT, "Title: Report %d from %s\nDate: 2017-%02d-%02d\nSource: Wire %d\n\n",
                    i, PLACES[i % PLACES.length], 1 + (i / 28) % 12, 1 + i % 28, i % 3);
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "article-%04d.txt", i)), header + body + "\n");
        }
        return dir;
    }

    private static String ordinal(int n) {
        return n + (n % 10 == 1 && n != 11 ? "st" : n % 10 == 2 && n != 12 ? "nd" : n % 10 == 3 && n != 13 ? "rd" : "th");
    }

    /**
     * Every quad of a store, read without changing it: quads with no blank node as N-Quads lines,
     * by graph, and the graphs that hold blank nodes (the ontology's lists) whole, to compare by
     * isomorphism since blank node labels differ from store to store.
     */
    /**
     * What is wrong with the signature log beside the store in {@code db}, or "" when nothing: when
     * it replays to the store's token (or must, after a whole load), it holds exactly the store's
     * signed documents, quotations and statements; a log that does not replay is rebuilt by the next
     * load, so after a kill it may also be stale.
     */
    private static String logMismatch(Path db, boolean mustReplay) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(db.toString()));
        try {
            return Txn.calculateRead(dsg, () -> {
                Node storeGraph = org.conflictkg.rdf.Iris.defaults().storeGraph();
                Node token = QuotationIdentity.object(dsg, storeGraph, storeGraph, CKG.signatureLogToken);
                Set<String> logged = new TreeSet<>();
                long valid = new SignatureLog(db, RepostLinker.parameters()).replay(
                        token == null ? null : token.getLiteralLexicalForm(), (kind, iri, sig) -> logged.add((char) kind + " " + iri));
                if (valid < 0) {
                    return mustReplay ? "does not replay to the store's token " + token : "";
                }
                Set<String> stored = new TreeSet<>();
                dsg.find(Node.ANY, Node.ANY, CKG.minHashSignature, Node.ANY).forEachRemaining(q -> stored.add("D " + q.getSubject().getURI()));
                dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), CKG.Quotation).forEachRemaining(q -> stored.add("Q " + q.getSubject().getURI()));
                dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), CKG.ReportedStatement).forEachRemaining(q -> stored.add("S " + q.getSubject().getURI()));
                return logged.equals(stored) ? "" : "replays " + logged.size() + " entries for a store of " + stored.size();
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private record Snapshot(Map<Node, Set<String>> ground, Map<Node, Graph> withBlankNodes, Set<Node> documents) {

        static Snapshot of(Path db) {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(db.toString()));
            try {
                return Txn.calculateRead(dsg, () -> {
                    Map<Node, Set<String>> ground = new HashMap<>();
                    Map<Node, Graph> blank = new HashMap<>();
                    Set<Node> documents = new HashSet<>();
                    dsg.find().forEachRemaining(q -> {
                        Node g = q.getGraph();
                        if (q.getPredicate().equals(CKG.signatureLogToken)) {
                            return; // names a commit of the log beside the store: new at each load, checked by logMismatch
                        }
                        if (q.getSubject().isBlank() || q.getObject().isBlank()) {
                            blank.computeIfAbsent(g, k -> GraphFactory.createDefaultGraph()).add(q.asTriple());
                        } else {
                            ground.computeIfAbsent(g, k -> new HashSet<>()).add(line(q));
                        }
                        if (g.equals(q.getSubject()) && q.getPredicate().equals(RDF.type.asNode()) && q.getObject().equals(CKG.Document)) {
                            documents.add(g);
                        }
                    });
                    return new Snapshot(ground, blank, documents);
                });
            } finally {
                TDBInternal.expel(dsg);
            }
        }

        private static String line(Quad q) {
            return NodeFmtLib.strNT(q.getSubject()) + " " + NodeFmtLib.strNT(q.getPredicate()) + " "
                    + NodeFmtLib.strNT(q.getObject()) + " " + NodeFmtLib.strNT(q.getGraph()) + " .";
        }

        Set<String> graph(Node g) {
            return ground.getOrDefault(g, Set.of());
        }

        /** What {@code other} lacks or has more than this, graph by graph; empty when they are the same. */
        String differences(Snapshot other) {
            StringBuilder out = new StringBuilder();
            Set<Node> graphs = new HashSet<>(ground.keySet());
            graphs.addAll(other.ground.keySet());
            for (Node g : graphs) {
                Set<String> missing = new TreeSet<>(graph(g));
                missing.removeAll(other.graph(g));
                Set<String> extra = new TreeSet<>(other.graph(g));
                extra.removeAll(graph(g));
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    out.append(g).append(": ").append(missing.size()).append(" quads missing, ").append(extra.size())
                            .append(" extra\n");
                    missing.stream().limit(5).forEach(l -> out.append("  - ").append(l).append('\n'));
                    extra.stream().limit(5).forEach(l -> out.append("  + ").append(l).append('\n'));
                }
            }
            Set<Node> blankGraphs = new HashSet<>(withBlankNodes.keySet());
            blankGraphs.addAll(other.withBlankNodes.keySet());
            for (Node g : blankGraphs) {
                Graph a = withBlankNodes.get(g);
                Graph b = other.withBlankNodes.get(g);
                if (a == null || b == null || !a.isIsomorphicWith(b)) {
                    out.append(g).append(": its triples with blank nodes differ\n");
                }
            }
            return out.toString();
        }
    }
}
