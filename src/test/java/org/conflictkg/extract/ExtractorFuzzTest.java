package org.conflictkg.extract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and mutated article text through the whole extractor and the RDF mapping: no exception,
 * every span inside the text, every mention's text where its span says, every IRI valid, and no
 * document that takes pathologically long (the guard against catastrophic regular-expression
 * backtracking; the bound is far above any real cost, so it measures liveness, not speed).
 */
class ExtractorFuzzTest {

    /** Generous: a few kilobytes take milliseconds; only runaway backtracking comes near this. */
    private static final Duration LIVENESS_BOUND = Duration.ofSeconds(10);

    private static final Pipeline PIPELINE = Pipeline.standard(StageFixtures.GAZETTEER);
    private static final DocumentMapper MAPPER = new DocumentMapper(Iris.defaults(), StageFixtures.GAZETTEER);

    /** Pieces news text is made of, and the marks that trouble parsers. */
    private static final List<String> PIECES = List.of(
            "said", "told", "according to", "he", "she", "they", "Colonel", "Omar Khalil", "Amira Jones", ", a spokesman for the",
            "Syrian National Army", "YPG", "Hezbollah", "Mosul", "Afrin", "Iraqi", "U.S.-backed", "backed by", "km north of",
            "\"", "“", "”", "‘", "’", "'", "''", "«", "»", "(", ")", "[", "]", ",", ".", ":", ";", "?", "!", "—", "-", "…",
            " ", "  ", "\n", "\n\n", "\t", "\u00A0", "\u200B", "\uFEFF", "é", "ğ", "ع", "😀", "\u0000", "\u0007", "<script>",
            "so-called", "known as", "did not disclose", "that", "the", "of", "in", "Title: x\n", "Photo: AP", "Click here");

    @Provide
    Arbitrary<String> newsLikeText() {
        return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(400)
                .flatMap(pieces -> Arbitraries.of(" ", "").list().ofSize(pieces.size()).map(glue -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < pieces.size(); i++) {
                        sb.append(pieces.get(i)).append(glue.get(i));
                    }
                    return sb.toString();
                }));
    }

    @Provide
    Arbitrary<String> mutatedArticle() {
        String article = data();
        Arbitrary<Integer> at = Arbitraries.integers().between(0, article.length());
        Arbitrary<String> insert = Arbitraries.of(PIECES);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 40);
        return Combinators.combine(at.list().ofMaxSize(30), insert.list().ofSize(30), cut.list().ofSize(30)).as((points, inserts, cuts) -> {
            StringBuilder sb = new StringBuilder(article);
            for (int i = 0; i < points.size(); i++) {
                int p = Math.min(points.get(i), sb.length());
                int e = Math.min(sb.length(), p + cuts.get(i));
                sb.replace(p, e, inserts.get(i));
            }
            return sb.toString();
        });
    }

    @Property(tries = 300)
    void randomNewsLikeTextIsExtractedSafely(@ForAll("newsLikeText") String text) {
        check(text);
    }

    @Property(tries = 150)
    void mutatedArticlesAreExtractedSafely(@ForAll("mutatedArticle") String text) {
        check(text);
    }

    @Property(tries = 200)
    void anyUnicodeIsExtractedSafely(@ForAll String text) {
        check(text);
    }

    /** Long inputs shaped to make backtracking patterns explode, if any did. */
    @net.jqwik.api.Example
    void adversarialLongInputsFinish() {
        check("\"".repeat(20_000));
        check("said, ".repeat(20_000));
        check("Amira Jones, a spokeswoman for the Syrian National Army, ".repeat(3_000) + "said.");
        check("according to ".repeat(10_000));
        check("He said: \"" + "word, ".repeat(40_000));
        check(("\u201cThe road is open,\u201d " + "Omar Khalil ".repeat(50) + "\n").repeat(300));
        check("A".repeat(200_000));
    }

    private static void check(String raw) {
        Document doc;
        try {
            doc = DocumentReader.fromText(raw, "fuzz.txt");
        } catch (IllegalArgumentException noText) {
            return; // empty or header-only input is rejected before extraction, by design
        }
        AnalyzedDocument a = assertTimeoutPreemptively(LIVENESS_BOUND, () -> PIPELINE.analyze(doc));
        String text = a.text();
        for (Mention m : a.mentions()) {
            assertInside(m.span(), text);
            assertEquals(m.exact(), m.span().of(text));
        }
        for (Sentence s : a.sentences()) {
            assertInside(s.span(), text);
        }
        for (Quotation q : a.quotations()) {
            q.parts().forEach(p -> assertInside(p, text));
            if (q.source() != null) {
                assertInside(q.source(), text);
            }
            if (q.cue() != null) {
                assertInside(q.cue(), text);
            }
        }
        for (Relation r : a.relations()) {
            assertInside(r.evidence(), text);
        }
        List<Node> iris = new ArrayList<>();
        MAPPER.map(a, new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()}) {
                    if (n.isURI()) {
                        iris.add(n);
                    }
                }
            }
        });
        for (Node n : iris) {
            // RFC 3987: a full IRI with a scheme (fragments allowed), which Jena accepts without warning.
            String iri = n.getURI();
            assertTrue(org.apache.jena.irix.IRIs.check(iri) && org.apache.jena.irix.IRIx.create(iri).isReference(), () -> "invalid IRI " + iri);
        }
    }

    private static void assertInside(Span s, String text) {
        assertTrue(s.start() >= 0 && s.end() <= text.length(), () -> s + " outside a text of length " + text.length());
    }

    private static String data() {
        try {
            return Files.readString(Path.of("data", "example-000-wire-report.txt"));
        } catch (IOException e) {
            throw new IllegalStateException("data/example-000-wire-report.txt is part of the repository", e);
        }
    }
}
