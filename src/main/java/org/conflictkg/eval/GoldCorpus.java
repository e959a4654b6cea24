package org.conflictkg.eval;

import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.PlainTextFormat;
import org.conflictkg.ingest.TextDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder of texts and their brat attribution files, paired by name.
 *
 * <p>Two layouts are read: a PolNeAR split folder, with the texts in {@code text/} and the
 * annotations in {@code attributions/}; or brat's own layout, the {@code .txt} and {@code .ann}
 * files side by side in one folder. Neither is searched recursively. The annotations of
 * {@code X.txt} are {@code X.ann} or {@code X_ANNOTATOR.ann}, where the annotator id has no
 * underscore (PolNeAR: {@code <article>_4e07.ann}). Where several annotators annotated the same
 * article, the first annotation file by name is used and the others are left out, so that every
 * article counts once and a rerun reads the same files.
 *
 * <p>A text is read as {@code kg load} reads a {@code .txt} file: strict UTF-8, then
 * {@link PlainTextFormat}, which takes a first block of {@code Title:}, {@code Date:} ... lines as
 * a header and keeps only the body as the document's text. Brat offsets count from the start of
 * the file, so {@link #read} moves every gold span to the document's text (see
 * {@link GoldDocument}).
 *
 * <pre>{@code
 * GoldCorpus corpus = GoldCorpus.open(Path.of("polnear/data/dev"));
 * for (GoldCorpus.Article a : corpus.articles()) {
 *     GoldDocument d = corpus.read(a);
 * }
 * }</pre>
 */
public final class GoldCorpus {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * An annotated article.
     *
     * @param name the text's file name without {@code .txt}
     * @param text the text file
     * @param annotations the annotation file used
     * @param otherAnnotations annotation files of the same article by other annotators, left out
     */
    public record Article(String name, Path text, Path annotations, List<Path> otherAnnotations) {

        public Article {
            otherAnnotations = List.copyOf(otherAnnotations);
        }
    }

    private final Path folder;
    private final List<Article> articles;
    private final List<Path> unannotatedTexts;
    private final List<Path> unpairedAnnotations;

    private GoldCorpus(Path folder, List<Article> articles, List<Path> unannotatedTexts, List<Path> unpairedAnnotations) {
        this.folder = folder;
        this.articles = List.copyOf(articles);
        this.unannotatedTexts = List.copyOf(unannotatedTexts);
        this.unpairedAnnotations = List.copyOf(unpairedAnnotations);
    }

    /**
     * Lists and pairs the files of {@code folder}.
     *
     * @throws IllegalArgumentException when the folder holds no texts in either layout
     * @throws IOException when the folder cannot be listed
     */
    public static GoldCorpus open(Path folder) throws IOException {
        Path textDir = folder.resolve("text");
        Path annDir = folder.resolve("attributions");
        if (!Files.isDirectory(textDir) || !Files.isDirectory(annDir)) {
            textDir = folder;
            annDir = folder;
        }
        Map<String, Path> texts = new TreeMap<>();
        for (Path p : list(textDir, ".txt")) {
            String n = p.getFileName().toString();
            texts.put(n.substring(0, n.length() - ".txt".length()), p);
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(folder + ": no .txt texts found; expected a PolNeAR split folder "
                    + "(text/ and attributions/) or a folder of .txt files with their .ann files");
        }
        Map<String, List<Path>> annotationsOf = new TreeMap<>();
        List<Path> unpaired = new ArrayList<>();
        for (Path p : list(annDir, ".ann")) {
            String n = p.getFileName().toString();
            String stem = n.substring(0, n.length() - ".ann".length());
            int underscore = stem.lastIndexOf('_');
            String article = texts.containsKey(stem) ? stem
                    : underscore > 0 && texts.containsKey(stem.substring(0, underscore)) ? stem.substring(0, underscore)
                    : null;
            if (article == null) {
                unpaired.add(p);
            } else {
                annotationsOf.computeIfAbsent(article, k -> new ArrayList<>()).add(p);
            }
        }
        List<Article> articles = new ArrayList<>();
        List<Path> unannotated = new ArrayList<>();
        for (Map.Entry<String, Path> t : texts.entrySet()) {
            List<Path> anns = annotationsOf.get(t.getKey());
            if (anns == null) {
                unannotated.add(t.getValue());
            } else {
                // Listed in name order, so the first is the first annotator by name.
                articles.add(new Article(t.getKey(), t.getValue(), anns.get(0), anns.subList(1, anns.size())));
            }
        }
        return new GoldCorpus(folder, articles, unannotated, unpaired);
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public Path folder() {
        return folder;
    }

    /** The annotated articles, in name order. */
    public List<Article> articles() {
        return articles;
    }

    /** Texts without any annotation file: not evaluated, since no file says what they hold. */
    public List<Path> unannotatedTexts() {
        return unannotatedTexts;
    }

    /** Annotation files whose text is not in the corpus: they cannot be evaluated. */
    public List<Path> unpairedAnnotations() {
        return unpairedAnnotations;
    }

    /** Annotation files of all articles, the ones used and the ones left out. */
    public int annotationFiles() {
        int n = 0;
        for (Article a : articles) {
            n += 1 + a.otherAnnotations().size();
        }
        return n;
    }

    /**
     * Reads an article's text and its annotations, with every gold span moved to the document's
     * text.
     *
     * @throws MalformedGoldException when the text cannot be decoded or is empty, or the annotation
     *     file is malformed or does not fit the text
     * @throws IOException when a file cannot be read
     */
    public GoldDocument read(Article article) throws IOException, MalformedGoldException {
        String textName = article.text().getFileName().toString();
        byte[] bytes = Files.readAllBytes(article.text());
        TextDecoder.Result decoded = TextDecoder.decode(bytes);
        if (decoded instanceof TextDecoder.Refused refused) {
            throw new MalformedGoldException(textName, 0, refused.reason());
        }
        String content = ((TextDecoder.Decoded) decoded).text();
        Document document = PlainTextFormat.parse(content, textName);
        if (document == null) {
            throw new MalformedGoldException(textName, 0, "no article text after the header");
        }
        // Brat counts a UTF-8 byte-order mark as the file's first character; the decoder drops it.
        boolean bom = startsWith(bytes, UTF8_BOM);
        String fileText = bom ? "\uFEFF" + content : content;
        String annName = article.annotations().getFileName().toString();
        List<GoldAttribution> inFile = BratAttributions.parse(annotationText(article.annotations(), annName), fileText, annName);
        int before = (bom ? 1 : 0) + content.offsetByCodePoints(0, document.textOffset());
        List<GoldAttribution> moved = new ArrayList<>(inFile.size());
        for (GoldAttribution g : inFile) {
            moved.add(g.shifted(-before));
        }
        return new GoldDocument(article, document, moved, (bom ? 1 : 0) + document.textOffset());
    }

    private static String annotationText(Path file, String name) throws IOException, MalformedGoldException {
        byte[] bytes = Files.readAllBytes(file);
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            return ""; // brat writes an empty file for an article without annotations
        }
        TextDecoder.Result r = TextDecoder.decode(bytes);
        if (r instanceof TextDecoder.Refused refused) {
            throw new MalformedGoldException(name, 0, refused.reason());
        }
        return ((TextDecoder.Decoded) r).text();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
