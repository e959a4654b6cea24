package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.BoilerplateMarker;
import org.conflictkg.extract.ExtractionStage;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.extract.Quotation;
import org.conflictkg.extract.SentenceSplitter;
import org.conflictkg.extract.Span;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reuse across documents through a real load into TDB2: quotations merged into one resource, the
 * later attestation quoted from the earlier, the repost derived from its source; and nothing of the
 * kind between unrelated documents.
 *
 * <p>The project's quotation finder is not on this branch, so a stand-in stage takes every run of
 * text inside double quotes (straight or curly) as a direct quotation, and "said that ..." up to the
 * full stop as a reported statement: enough to give the linker something to link.
 */
class RepostLinkerTest {

    static final String ORIGINAL = """
            Title: Convoys reach the southern district
            Date: 2019-03-04
            Source: Example Wire (test)

            Aid convoys reached the southern district on Tuesday for the first time in three weeks, after local commanders agreed to open two checkpoints on the main road, residents and relief workers said.

            The convoys carried flour, medicine and fuel for the district's two clinics, which had been running on generators for most of the month. Relief workers said the trucks were searched at both checkpoints but were allowed through after about two hours.

            "We have told every commander that the convoys must be able to pass through the checkpoints without delay, and we will hold them to it," said the regional relief coordinator, speaking by telephone from the provincial capital.

            The agreement follows a week of talks between the two councils that control the road. A previous arrangement collapsed in the spring when one side accused the other of taxing the cargo and diverting fuel to its own fighters.

            A council member said that the road would stay open as long as both sides kept their fighters away from the market.
            """;

    /** The repost: a day later, curly quotes, "thae" for "that", a paragraph dropped, the attribution cut. */
    static final String REPOST = """
            Title: Convoys reach southern district
            Date: 2019-03-05
            Source: Example Aggregator (test)

            Aid convoys reached the southern district on Tuesday for the first time in three weeks, after local commanders agreed to open two checkpoints on the main road, residents and relief workers said.

            The convoys carried flour, medicine and fuel for the district’s two clinics, which had been running on generators for most of the month. Relief workers said the trucks were searched at both checkpoints but were allowed through after about two hours.

            “We have told every commander thae the convoys must be able to pass through the checkpoints without delay, and we will hold them to it,” the regional relief coordinator said.

            A council member said that the road would stay open as long as both sides kept their fighters away from the market.
            """;

    /** Unrelated to both: another place, another quotation, no shared passage. */
    static final String UNRELATED = """
            Title: Port reopens after storm
            Date: 2019-03-05
            Source: Example Coast News (test)

            The northern port reopened to cargo ships on Wednesday after a storm damaged two of its cranes, the harbour authority said, and the first vessels unloaded grain and building materials by the afternoon.

            "The cranes are working again and we expect the backlog to clear within ten days," the harbour master told reporters at the quay.

            Fishermen said the storm had also destroyed dozens of small boats along the coast, and a local charity said that it would help owners replace their nets and engines before the summer season.
            """;

    /** A photo gallery as some sites paste it under every article: boilerplate, not body. */
    static final String GALLERY = """
            Photos: The week in pictures. Workers repair a power line damaged by shelling on the edge of the city after a night of heavy fighting.
            Photos: The week in pictures. A woman carries bread past a row of shuttered shops in the old market as the curfew ends in the morning.
            Photos: The week in pictures. Volunteers unload boxes of medicine from a truck outside a field hospital set up in a school gymnasium.
            Photos: The week in pictures. Children play football in a courtyard between buildings whose upper floors were destroyed last winter.
            Photos: The week in pictures. Fishermen mend their nets at dawn in the harbour while a patrol boat passes the breakwater.
            """;

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"“”\\n]+)[\"”]");
    private static final Pattern SAID_THAT = Pattern.compile("said that ([^.\\n]+)\\.");

    /** The stand-in quotation stage described in the class comment. */
    private static final ExtractionStage QUOTES = new ExtractionStage() {
        @Override
        public String name() {
            return "test-quotes";
        }

        @Override
        public void process(AnalyzedDocument doc) {
            Matcher m = QUOTED.matcher(doc.text());
            while (m.find()) {
                doc.addQuotation(Quotation.unattributed(Quotation.Kind.DIRECT, List.of(new Span(m.start(1), m.end(1)))));
            }
            m = SAID_THAT.matcher(doc.text());
            while (m.find()) {
                doc.addQuotation(Quotation.unattributed(Quotation.Kind.REPORTED, List.of(new Span(m.start(1), m.end(1)))));
            }
        }
    };

    private static final Gazetteer EMPTY = new Gazetteer.Builder().build();

    private static LoadReport load(KnowledgeStore store, Path... inputs) throws IOException {
        return store.load(List.of(inputs), new DocumentReader(), new Pipeline(List.of(new BoilerplateMarker(), new SentenceSplitter(), QUOTES)),
                new DocumentMapper(store.iris(), EMPTY), LoadListener.SILENT);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text);
    }

    private static Node doc(String text) {
        return Iris.defaults().document(DocumentReader.fromText(text, "x.txt").contentHash());
    }

    private static List<Map<String, Node>> select(KnowledgeStore store, String where) {
        String q = """
                PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT * {""" + where + "}";
        return store.read(d -> {
            List<Map<String, Node>> rows = new ArrayList<>();
            try (QueryExec e = QueryExec.dataset(d).query(QueryFactory.create(q)).build()) {
                e.select().forEachRemaining(b -> {
                    Map<String, Node> row = new java.util.HashMap<>();
                    b.vars().forEachRemaining(v -> row.put(v.getVarName(), b.get(v)));
                    rows.add(row);
                });
            }
            return rows;
        });
    }

    private static Set<Node> column(List<Map<String, Node>> rows, String var) {
        Set<Node> out = new HashSet<>();
        rows.forEach(r -> out.add(r.get(var)));
        return out;
    }

    /** Everything the two seeds must show, whichever order and however many loads brought them. */
    /**
     * Replaces every stored quotation signature with that of unrelated words: a load that reads the
     * stored signatures can then no longer merge the repost's quotation; one that reads its index
     * from elsewhere (the text, the log, the snapshot) still can.
     */
    private static void giveStoredQuotationsTheSignatureOfOtherWords(KnowledgeStore store) {
        var q = org.conflictkg.extract.similar.ReuseCriteria.QUOTATIONS;
        Node other = org.apache.jena.graph.NodeFactory.createLiteralString(q.encodeSignature(q.fingerprint(
                Iris.foldWords("The cranes are working again and we expect the backlog to clear within ten days"))));
        store.write(d -> {
            List<Quad> signatures = new ArrayList<>();
            d.find(Node.ANY, Node.ANY, CKG.quotationSignature, Node.ANY).forEachRemaining(signatures::add);
            signatures.forEach(d::delete);
            signatures.forEach(s -> d.add(s.getGraph(), s.getSubject(), s.getPredicate(), other));
        });
    }

    private static void assertRepostLinked(KnowledgeStore store) {
        Node original = doc(ORIGINAL);
        Node repost = doc(REPOST);

        // One quotation resource, attested by both documents, with one text.
        List<Map<String, Node>> attested = select(store, "?q a ckg:Quotation ; ckg:attestedBy ?a . ?a ckg:document ?d");
        assertEquals(1, column(attested, "q").size(), attested.toString());
        assertEquals(Set.of(original, repost), column(attested, "d"));
        assertEquals(1, select(store, "?q a ckg:Quotation ; ckg:text ?t").size());

        // The same for the reported statement.
        List<Map<String, Node>> stated = select(store, "?s a ckg:ReportedStatement ; ckg:attestedBy ?a . ?a ckg:document ?d");
        assertEquals(1, column(stated, "s").size(), stated.toString());
        assertEquals(Set.of(original, repost), column(stated, "d"));

        // The later attestation was quoted from the earlier, never the other way round.
        List<Map<String, Node>> quoted = select(store, "?later prov:wasQuotedFrom ?earlier . ?later ckg:document ?ld . ?earlier ckg:document ?ed");
        assertEquals(2, quoted.size(), quoted.toString());
        for (Map<String, Node> row : quoted) {
            assertEquals(repost, row.get("ld"));
            assertEquals(original, row.get("ed"));
        }

        // The repost derives from the original, with an overlap score.
        List<Map<String, Node>> derived = select(store, """
                ?d ckg:derivedFrom ?s ; prov:wasDerivedFrom ?s ; prov:qualifiedDerivation ?q .
                ?q a ckg:Derivation ; prov:entity ?s ; ckg:overlap ?overlap ; ckg:jaccard ?jaccard""");
        assertEquals(1, derived.size(), derived.toString());
        assertEquals(repost, derived.get(0).get("d"));
        assertEquals(original, derived.get(0).get("s"));
        double overlap = Double.parseDouble(derived.get(0).get("overlap").getLiteralLexicalForm());
        double jaccard = Double.parseDouble(derived.get(0).get("jaccard").getLiteralLexicalForm());
        assertTrue(overlap >= 0.8 && overlap <= 1.0, "overlap " + overlap);
        assertTrue(jaccard < overlap, "a shortened repost: jaccard " + jaccard + " below overlap " + overlap);
    }

    @Test
    void aRepostLoadedWithItsSourceSharesItsQuotationsAndDerivesFromIt(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        write(in, "a-original.txt", ORIGINAL);
        write(in, "b-repost.txt", REPOST);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            assertEquals(2, load(store, in).added());
            assertRepostLinked(store);
            // Everything the linker added lies in the graph of the document being written.
            Node repost = doc(REPOST);
            List<Quad> links = store.read(d -> {
                List<Quad> out = new ArrayList<>();
                d.find(Node.ANY, Node.ANY, org.conflictkg.rdf.Vocab.provWasQuotedFrom, Node.ANY).forEachRemaining(out::add);
                d.find(Node.ANY, Node.ANY, CKG.derivedFrom, Node.ANY).forEachRemaining(out::add);
                return out;
            });
            for (Quad q : links) {
                assertEquals(repost, q.getGraph(), q.toString());
            }
        }
    }

    @Test
    void aSourceLoadedAfterItsRepostInALaterLoadIsStillTheSource(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "repost.txt", REPOST);
        Path second = write(tmp.resolve("second"), "original.txt", ORIGINAL);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, first);
        }
        // A new process: the indexes are rebuilt from what the store holds.
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, second);
            assertRepostLinked(store);
            // Written while loading the original, so in its graph, though the repost is the one derived.
            assertEquals(List.of(doc(ORIGINAL)), new ArrayList<>(column(select(store, "GRAPH ?g { ?d ckg:derivedFrom ?s }"), "g")));
        }
    }

    @Test
    void aStoredDocumentWithoutASignatureIsIndexedFromItsText(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, first);
            // As a store written before signatures (or the signature log) were kept would be.
            store.write(d -> {
                d.deleteAny(Node.ANY, Node.ANY, CKG.minHashSignature, Node.ANY);
                d.deleteAny(Node.ANY, Node.ANY, CKG.quotationSignature, Node.ANY);
            });
            Files.delete(tmp.resolve("db").resolve(SignatureLog.FILE_NAME));
            load(store, second);
            assertTrue(store.lastReuseIndexing().startsWith("store "), store.lastReuseIndexing());
            assertRepostLinked(store);
        }
    }

    /** A later article quoting only the opening of the original's quotation. */
    static final String EXCERPT = """
            Title: Relief chief on the checkpoints
            Date: 2019-03-09

            The relief coordinator repeated this week: "We have told every commander that the convoys" would pass.
            """;

    @Test
    void aQuotationRepeatedInALaterLoadJoinsTheResourceStoredBeforeByItsSignature(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        Path third = write(tmp.resolve("third"), "excerpt.txt", EXCERPT);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, first);
            // Each wording stored first keeps its signature, in its document's graph.
            List<Map<String, Node>> signed = select(store, "GRAPH ?g { ?q ckg:quotationSignature ?s ; ckg:text ?t }");
            assertEquals(2, signed.size(), signed.toString());
            assertEquals(Set.of(doc(ORIGINAL)), column(signed, "g"));
        }
        // New processes: the index is rebuilt from the stored signatures.
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, second);
            assertRepostLinked(store);
            // A merged wording adds no resource, so no signature either.
            assertEquals(2, select(store, "?q ckg:quotationSignature ?s").size());
        }
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            // Cut short: found by the edge anchors stored with the signature.
            load(store, third);
            List<Map<String, Node>> attested = select(store, "?q a ckg:Quotation ; ckg:attestedBy ?a . ?a ckg:document ?d");
            assertEquals(1, column(attested, "q").size(), attested.toString());
            assertEquals(Set.of(doc(ORIGINAL), doc(REPOST), doc(EXCERPT)), column(attested, "d"));
        }
    }

    @Test
    void aStoredSignatureIsReadInsteadOfTheText(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, first);
            // Give the stored quotation the signature of other words: if the load fingerprinted the
            // stored text it would still merge the repost's quotation; reading the signature, it cannot.
            giveStoredQuotationsTheSignatureOfOtherWords(store);
        }
        // As in a store written before the signature log was kept: the index comes from the store.
        Files.delete(tmp.resolve("db").resolve(SignatureLog.FILE_NAME));
        Files.delete(tmp.resolve("db").resolve(IndexSnapshot.FILE_NAME));
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, second);
            assertEquals(2, column(select(store, "?q a ckg:Quotation"), "q").size());
        }
    }

    @Test
    void laterLoadsIndexTheStoreFromTheSignatureLog(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        Path db = tmp.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, first);
            // Nothing stored to index; at its end the indexes hold the original's document, quotation and statement.
            assertTrue(store.lastReuseIndexing().startsWith("empty 3 items in "), store.lastReuseIndexing());
        }
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            // What the log holds stands in for the store: give the stored signatures other words'
            // signatures, and the repost still merges only because the log kept the true ones.
            giveStoredQuotationsTheSignatureOfOtherWords(store);
            // The snapshot the first load left comes first; without it, the log.
            Files.delete(db.resolve(IndexSnapshot.FILE_NAME));
            load(store, second);
            assertTrue(store.lastReuseIndexing().startsWith("log "), store.lastReuseIndexing());
            assertRepostLinked(store);
        }
    }

    @Test
    void theLastLoadsTablesAreReadBackFromItsSnapshotAndADamagedOrStaleOneIsPassedOver(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        Path third = write(tmp.resolve("third"), "excerpt.txt", EXCERPT);
        Path fourth = write(tmp.resolve("fourth"), "unrelated.txt", UNRELATED);
        Path db = tmp.resolve("db");
        Path snapshotFile = db.resolve(IndexSnapshot.FILE_NAME);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, first);
        }
        byte[] afterFirst = Files.readAllBytes(snapshotFile);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, second);
            assertTrue(store.lastReuseIndexing().startsWith("snapshot 4 items"), store.lastReuseIndexing());
            assertRepostLinked(store);
        }
        // A snapshot of an earlier commit than the store's: passed over for the log.
        Files.write(snapshotFile, afterFirst);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, third);
            assertTrue(store.lastReuseIndexing().startsWith("log "), store.lastReuseIndexing());
            List<Map<String, Node>> attested = select(store, "?q a ckg:Quotation ; ckg:attestedBy ?a . ?a ckg:document ?d");
            assertEquals(1, column(attested, "q").size(), attested.toString());
            assertEquals(Set.of(doc(ORIGINAL), doc(REPOST), doc(EXCERPT)), column(attested, "d"));
        }
        // A damaged one (a byte flipped in its tables): caught by its checksum, passed over too.
        byte[] bytes = Files.readAllBytes(snapshotFile);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(snapshotFile, bytes);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, fourth);
            assertTrue(store.lastReuseIndexing().startsWith("log "), store.lastReuseIndexing());
        }
        // And the snapshot written after it holds what the log does.
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, write(tmp.resolve("fifth"), "repost-again.txt", REPOST.replace("about two hours", "about three hours")));
            assertTrue(store.lastReuseIndexing().startsWith("snapshot "), store.lastReuseIndexing());
            // The fifth is a repost of the original too: found through the snapshot's document table.
            List<Map<String, Node>> derived = select(store, "?d ckg:derivedFrom ?s");
            assertTrue(derived.size() >= 2, derived.toString());
        }
    }

    @Test
    void indexesBuiltAheadOfTheLoadServeItAndAStoreClosedInsteadStopsTheBuild(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        Path db = tmp.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, first);
        }
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            store.prepareLoad(); // and no load: closing must stop the build and leave the log as it was
        }
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            store.prepareLoad();
            load(store, second);
            // The original's three items from the log, then the repost's document (its quotations merged).
            assertTrue(store.lastReuseIndexing().startsWith("snapshot 4 items"), store.lastReuseIndexing());
            assertRepostLinked(store);
            // Only the next load takes the prepared indexes: a load after it builds its own.
            LoadReport again = load(store, second);
            assertEquals(0, again.added());
            assertTrue(store.lastReuseIndexing().startsWith("none "), store.lastReuseIndexing());
        }
    }

    @Test
    void aSignatureLogBehindTheStoreIsRebuiltFromTheStore(@TempDir Path tmp) throws IOException {
        Path first = write(tmp.resolve("first"), "original.txt", ORIGINAL);
        Path second = write(tmp.resolve("second"), "repost.txt", REPOST);
        Path third = write(tmp.resolve("third"), "excerpt.txt", EXCERPT);
        Path db = tmp.resolve("db");
        Path logFile = db.resolve(SignatureLog.FILE_NAME);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, first);
        }
        byte[] afterFirst = Files.readAllBytes(logFile);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, second);
        }
        // As after a crash between the store's commit and the log's: the log lacks the second load.
        Files.write(logFile, afterFirst);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, third);
            assertTrue(store.lastReuseIndexing().startsWith("store "), store.lastReuseIndexing());
            List<Map<String, Node>> attested = select(store, "?q a ckg:Quotation ; ckg:attestedBy ?a . ?a ckg:document ?d");
            assertEquals(1, column(attested, "q").size(), attested.toString());
            assertEquals(Set.of(doc(ORIGINAL), doc(REPOST), doc(EXCERPT)), column(attested, "d"));
        }
        // Rebuilt whole: the next load reads it again, and it holds all three documents.
        Path fourth = write(tmp.resolve("fourth"), "unrelated.txt", UNRELATED);
        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            load(store, fourth);
            assertTrue(store.lastReuseIndexing().startsWith("snapshot "), store.lastReuseIndexing());
            long documents = select(store, "?d a ckg:Document").size();
            List<Node> logged = new ArrayList<>();
            new SignatureLog(db, RepostLinker.parameters()).replay(
                    store.read(d -> QuotationIdentity.object(d, Iris.defaults().storeGraph(), Iris.defaults().storeGraph(), CKG.signatureLogToken))
                            .getLiteralLexicalForm(),
                    (kind, iri, sig) -> {
                        if (kind == SignatureLog.DOCUMENT) {
                            logged.add(org.apache.jena.graph.NodeFactory.createURI(iri));
                        }
                    });
            assertEquals(documents, logged.size(), logged.toString());
            assertTrue(logged.containsAll(List.of(doc(ORIGINAL), doc(REPOST), doc(EXCERPT), doc(UNRELATED))), logged.toString());
        }
    }

    @Test
    void withoutDatesTheShorterDocumentDerivesFromTheLongerThatContainsIt(@TempDir Path tmp) throws IOException {
        String original = ORIGINAL.replace("Date: 2019-03-04\n", "");
        String repost = REPOST.replace("Date: 2019-03-05\n", "");
        Path in = tmp.resolve("in");
        // The repost is read first, so the order of reading cannot be what decides.
        write(in, "a-repost.txt", repost);
        write(in, "b-original.txt", original);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            List<Map<String, Node>> derived = select(store, "?d ckg:derivedFrom ?s");
            assertEquals(1, derived.size());
            assertEquals(doc(repost), derived.get(0).get("d"));
            assertEquals(doc(original), derived.get(0).get("s"));
            // No dates, no direction for the quotation: merged, but not linked.
            assertEquals(1, column(select(store, "?q a ckg:Quotation"), "q").size());
            assertEquals(List.of(), select(store, "?a prov:wasQuotedFrom ?b"));
        }
    }

    @Test
    void unrelatedDocumentsNeitherDeriveNorShareQuotations(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        write(in, "a.txt", ORIGINAL);
        write(in, "b.txt", UNRELATED);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            assertEquals(List.of(), select(store, "?d ckg:derivedFrom ?s"));
            assertEquals(List.of(), select(store, "?d prov:qualifiedDerivation ?s"));
            assertEquals(List.of(), select(store, "?a prov:wasQuotedFrom ?b"));
            List<Map<String, Node>> quotes = select(store, "?q a ckg:Quotation ; ckg:attestedBy ?a . ?a ckg:document ?d");
            assertEquals(2, quotes.size());
            assertNotEquals(quotes.get(0).get("q"), quotes.get(1).get("q"));
            // Each document still keeps its signature for later loads.
            assertEquals(2, select(store, "?d ckg:minHashSignature ?s").size());
        }
    }

    @Test
    void articlesSharingOnlyAPageTemplateAreNotReposts(@TempDir Path tmp) throws IOException {
        String a = "Title: Market reopens\nDate: 2019-03-04\n\nThe central market reopened on Monday after two weeks of "
                + "closure, and traders said customers had returned slowly because prices were still high.\n\n" + GALLERY;
        String b = "Title: Talks resume\nDate: 2019-03-05\n\nNegotiators from both councils met again on Tuesday to discuss "
                + "the exchange of prisoners, a mediator said, without giving details of the proposals.\n\n" + GALLERY;
        Path in = tmp.resolve("in");
        write(in, "a.txt", a);
        write(in, "b.txt", b);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            // The gallery is most of each text: compared whole, these two would count as reposts.
            var whole = org.conflictkg.extract.similar.ReuseCriteria.DOCUMENTS;
            var r = org.conflictkg.extract.similar.Resemblance.of(whole.shingles(Iris.foldWords(a)), whole.shingles(Iris.foldWords(b)));
            assertTrue(whole.accepts(r), r.toString());
            assertEquals(List.of(), select(store, "?d ckg:derivedFrom ?s"));
        }
    }

    @Test
    void loadingTheRepostAgainChangesNothing(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        write(in, "a-original.txt", ORIGINAL);
        write(in, "b-repost.txt", REPOST);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults())) {
            load(store, in);
            Set<Quad> before = store.read(d -> {
                Set<Quad> s = new HashSet<>();
                d.find().forEachRemaining(s::add);
                return s;
            });
            LoadReport again = load(store, in);
            assertEquals(0, again.added());
            Set<Quad> after = store.read(d -> {
                Set<Quad> s = new HashSet<>();
                d.find().forEachRemaining(s::add);
                return s;
            });
            assertEquals(before, after);
        }
    }
}
