package org.conflictkg.bench;

import org.conflictkg.extract.AnalyzedDocument;
import org.conflictkg.extract.GazetteerLoader;
import org.conflictkg.extract.NameKey;
import org.conflictkg.extract.Mention;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.extract.Sentence;
import org.conflictkg.ingest.Document;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a corpus the extractor links: mentions per document, the share of capitalised names
 * that became mentions, and the most frequent capitalised names that did not (what the gazetteer
 * still lacks). A capitalised name is a run of capitalised words; a single capitalised word that
 * opens a sentence, or is a common word such as a pronoun, weekday or month, is left out, since
 * English capitalises it anyway.
 */
public final class CoverageReport {

    private static final Pattern CAPITALISED = Pattern.compile(
            "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}?[\\p{L}'’]+)*(?:\\s+(?:(?:al|el|de|of|bin|ibn|abu)[- ])?\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}?[\\p{L}'’]+)*)*");

    private static final java.util.Set<String> COMMON = GazetteerLoader.commonWords();

    private CoverageReport() {}

    /** The figures of one run. */
    public record Result(int documents, long mentions, long names, long linked, List<Map.Entry<String, Integer>> unlinked) {

        public double linkedShare() {
            return names == 0 ? 0 : (double) linked / names;
        }
    }

    public static Result run(List<Document> docs, Pipeline pipeline, int top, PrintStream out) {
        long mentions = 0;
        long names = 0;
        long linked = 0;
        Map<String, Integer> missing = new HashMap<>();
        for (Document d : docs) {
            AnalyzedDocument a = pipeline.analyze(d);
            mentions += a.mentions().size();
            String text = d.text();
            for (Sentence s : a.sentences()) {
                Matcher m = CAPITALISED.matcher(text).region(s.span().start(), s.span().end());
                while (m.find()) {
                    String name = m.group();
                    boolean oneWord = !name.contains(" ");
                    if (oneWord && (m.start() == s.span().start() || COMMON.contains(NameKey.fold(name)))) {
                        continue; // English capitalises these anyway: not names
                    }
                    names++;
                    if (covered(a, m.start(), m.end())) {
                        linked++;
                    } else {
                        missing.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        List<Map.Entry<String, Integer>> worst = missing.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).toList();
        Result r = new Result(docs.size(), mentions, names, linked, worst);
        out.printf(java.util.Locale.ROOT, "coverage: %d documents, %d mentions (%.1f per document)%n", r.documents(), r.mentions(),
                r.documents() == 0 ? 0.0 : (double) r.mentions() / r.documents());
        out.printf(java.util.Locale.ROOT, "coverage: %d capitalised names, %d linked (%.1f%%)%n", r.names(), r.linked(), 100 * r.linkedShare());
        out.println("coverage: most frequent unlinked capitalised names:");
        for (Map.Entry<String, Integer> e : worst) {
            out.printf(java.util.Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey());
        }
        return r;
    }

    private static boolean covered(AnalyzedDocument a, int start, int end) {
        for (Mention m : a.mentions()) {
            if (m.span().start() < end && start < m.span().end()) {
                return true;
            }
        }
        return false;
    }
}
