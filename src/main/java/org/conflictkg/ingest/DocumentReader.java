package org.conflictkg.ingest;

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
 * the reader goes on; only an I/O failure of the machine (a vanished disk) is thrown.
 */
public final class DocumentReader {

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
            }
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        TextDecoder.Result decoded = TextDecoder.decode(bytes);
        if (decoded instanceof TextDecoder.Refused r) {
            sink.reject(Rejection.ofFile(name, r.reason()));
            return;
        }
        String content = ((TextDecoder.Decoded) decoded).text();
        Document doc = format == Format.HTML ? HtmlFormat.parse(content, name) : PlainTextFormat.parse(content, name);
        if (doc == null) {
            sink.reject(Rejection.ofFile(name, format == Format.HTML ? "no visible text in the page" : "no article text after the header"));
        } else {
            sink.accept(doc);
        }
    }

    /** Reads a single text from memory, as if it were a file of the given name (for tests and ingest). */
    public static Document fromText(String content, String fileName) {
        Document d = PlainTextFormat.parse(content, fileName);
        if (d == null) {
            throw new IllegalArgumentException(fileName + ": no article text");
        }
        return d;
    }
}
