package org.conflictkg.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads articles from files and folders: {@code .txt} (with an optional header), {@code .html}
 * and {@code .htm}, {@code .jsonl} and {@code .jsonl.gz}; and RDF files of curated knowledge,
 * {@code .ttl}, {@code .nt}, {@code .nq}, {@code .trig} and {@code .jsonld}, delivered whole as an
 * {@link RdfFile} (see {@link #withRdfBase} for their relative IRIs). Folders are read recursively
 * in name order, so a load is repeatable. Other files found in a folder are skipped silently (a
 * folder of articles often holds a README or images); a file named explicitly with an unknown
 * extension is rejected.
 *
 * <p>Failure path: a file that cannot be decoded or parsed is delivered as a {@link Rejection} and
 * the reader goes on; only an I/O failure of the machine (a vanished disk) is thrown. So is an
 * article file larger than {@link #MAX_ARTICLE_BYTES}, or a JSON Lines line longer, without being
 * read into memory, and an article with no word in it (a lone quotation mark, a row of dashes).
 * Control characters are replaced ({@link ControlCharacters}) with a warning naming the file.
 */
public final class DocumentReader {

    /**
     * The largest article read, in bytes of a file (or of a JSON Lines line): 16 MiB, a hundred
     * times a long feature, so that what is larger (a log, a dump, a book) is refused at once,
     * before it is read, instead of costing minutes and gigabytes of memory to analyse.
     */
    public static final int MAX_ARTICLE_BYTES = 16 << 20;

    private final FieldMapping fields;
    private final String rdfBase;

    public DocumentReader(FieldMapping fields) {
        this(fields, null);
    }

    public DocumentReader() {
        this(FieldMapping.defaults());
    }

    private DocumentReader(FieldMapping fields, String rdfBase) {
        this.fields = fields;
        this.rdfBase = rdfBase;
    }

    /**
     * The same reader, resolving relative IRIs in RDF files against {@code base} (the store's base
     * IRI, so that {@code <id/actor/x>} names the store's actor). Without one, they resolve against
     * the file's own location, as Jena does.
     */
    public DocumentReader withRdfBase(String base) {
        return new DocumentReader(fields, base);
    }

    /** Reads every path given, in order. */
    public void read(List<Path> paths, DocumentSink sink) throws IOException {
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                readFolder(p, sink);
            } else if (!Files.exists(p)) {
                sink.reject(Rejection.ofFile(p.toString(), "no such file or folder"));
            } else if (formatOf(p) == null) {
                sink.reject(Rejection.ofFile(p.toString(),
                        "unknown file type (expected .txt, .html, .htm, .jsonl or .jsonl.gz, or RDF: .ttl, .nt, .nq, .trig or .jsonld)"));
            } else {
                readFile(p, p.getFileName().toString(), sink);
            }
        }
    }

    private void readFolder(Path folder, DocumentSink sink) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(f -> formatOf(f) != null).sorted().forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path f : files) {
            readFile(f, folder.relativize(f).toString(), sink);
        }
    }

    /** The kinds of input this reader knows. */
    enum Format { TEXT, HTML, JSONL, JSONL_GZ, RDF }

    static Format formatOf(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) return Format.TEXT;
        if (name.endsWith(".html") || name.endsWith(".htm")) return Format.HTML;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return Format.JSONL;
        if (name.endsWith(".jsonl.gz") || name.endsWith(".ndjson.gz")) return Format.JSONL_GZ;
        if (RdfFormat.langOf(name) != null) return Format.RDF;
        return null;
    }

    private void readFile(Path file, String name, DocumentSink sink) throws IOException {
        Format format = formatOf(file);
        if (format == Format.RDF) {
            String base = rdfBase != null ? rdfBase : file.toAbsolutePath().toUri().toString();
            RdfFormat.read(file, name, base, sink);
            return;
        }
        if (format == Format.JSONL || format == Format.JSONL_GZ) {
            if (Files.size(file) == 0) {
                sink.reject(Rejection.ofFile(name, "empty file"));
                return;
            }
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = format == Format.JSONL_GZ ? new GZIPInputStream(raw, 1 << 16) : raw) {
                JsonLinesFormat.read(in, name, fields, sink);
            } catch (ZipException e) {
                sink.reject(Rejection.ofFile(name, "not a valid gzip file: " + e.getMessage()));
            } catch (EOFException e) {
                // An interrupted download or copy: what came before the cut was read.
                sink.reject(Rejection.ofFile(name, "the gzip file is cut short (" + e.getMessage()
                        + "); the lines before the cut were read, the rest is missing"));
            }
            return;
        }
        long size = Files.size(file);
        if (size > MAX_ARTICLE_BYTES) {
            sink.reject(Rejection.ofFile(name, tooLarge(size)));
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        TextDecoder.Result decoded = TextDecoder.decode(bytes);
        if (decoded instanceof TextDecoder.Refused r) {
            sink.reject(Rejection.ofFile(name, r.reason()));
            return;
        }
        String text = ((TextDecoder.Decoded) decoded).text();
        Document doc;
        String replaced = null;
        if (format == Format.HTML) {
            // Entities (&#1;) can make control characters too: replace them in what the page shows.
            doc = HtmlFormat.parse(text, name);
            if (doc != null) {
                ControlCharacters.Replaced visible = ControlCharacters.replace(doc.text());
                DocumentMetadata m = doc.metadata();
                doc = new Document(visible.text(), new DocumentMetadata(clean(m.title()), clean(m.date()), clean(m.source()),
                        clean(m.url()), clean(m.author()), clean(m.externalId()), m.fileName()));
                replaced = visible.replaced() > 0 ? visible.note() + " in the page's text" : null;
            }
        } else {
            // Replaced before the header is split off, so that offsets stay offsets into the file.
            ControlCharacters.Replaced content = ControlCharacters.replace(text);
            doc = PlainTextFormat.parse(content.text(), name);
            replaced = content.replaced() > 0 ? content.note() + " in the file" : null;
        }
        if (doc == null) {
            sink.reject(Rejection.ofFile(name, format == Format.HTML ? "no visible text in the page" : "no article text after the header"));
        } else if (!hasWords(doc.text())) {
            sink.reject(Rejection.ofFile(name, NO_WORDS));
        } else {
            if (replaced != null) {
                sink.warn(Rejection.ofFile(name, replaced));
            }
            sink.accept(doc);
        }
    }

    /** {@code s} with its control characters replaced; null stays null. */
    static String clean(String s) {
        return s == null ? null : ControlCharacters.replace(s).text();
    }

    static final String NO_WORDS = "no words in the text (only punctuation, symbols or spaces)";

    static String tooLarge(long bytes) {
        return String.format(java.util.Locale.ROOT,
                "%,d bytes: larger than any article (at most %,d bytes); split it into articles, e.g. one per line of a .jsonl file",
                bytes, MAX_ARTICLE_BYTES);
    }

    /** True when {@code text} has a letter or a digit: an article says something in words. */
    static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * Reads a single text from memory, as if it were a file of the given name (for tests and
     * ingest), its control characters replaced as in a file.
     */
    public static Document fromText(String content, String fileName) {
        Document d = PlainTextFormat.parse(ControlCharacters.replace(content).text(), fileName);
        if (d == null) {
            throw new IllegalArgumentException(fileName + ": no article text");
        }
        return d;
    }
}
