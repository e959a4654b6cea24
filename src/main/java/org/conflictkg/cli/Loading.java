package org.conflictkg.cli;

import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerLoader;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.reason.Materializer;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadListener;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.WriteHook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the standard pipeline over some paths into a store, with progress on a terminal. */
final class Loading {

    private static Gazetteer gazetteer;

    private Loading() {}

    /** The standard gazetteer, built once per JVM: it takes seconds and never changes. */
    static synchronized Gazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = GazetteerLoader.standard();
        }
        return gazetteer;
    }

    /** Loads {@code paths} with reasoning ({@link #load(KnowledgeStore, List, DocumentReader, PrintStream, Materializer)}). */
    static LoadReport load(KnowledgeStore store, List<Path> paths, DocumentReader reader, PrintStream progress) throws IOException {
        return load(store, paths, reader, progress, Materializer.standard(store.iris()));
    }

    /**
     * Loads {@code paths}. Progress goes to {@code progress} only when it is a terminal's, so logs
     * and pipes stay clean. With a {@code materializer}, each batch's inferences are written in its
     * transaction; with null, none are, and the store's inferences are marked out of date.
     */
    static LoadReport load(KnowledgeStore store, List<Path> paths, DocumentReader reader, PrintStream progress,
                           Materializer materializer) throws IOException {
        return load(store, paths, reader, progress, materializer, false);
    }

    /**
     * As {@link #load(KnowledgeStore, List, DocumentReader, PrintStream, Materializer)}; with {@code
     * everyCommit}, progress is a line per committed batch instead, terminal or not (for the log of
     * a long load, and for tests that must know when a batch is in the store).
     */
    static LoadReport load(KnowledgeStore store, List<Path> paths, DocumentReader reader, PrintStream progress,
                           Materializer materializer, boolean everyCommit) throws IOException {
        boolean terminal = progress != null && System.console() != null && !everyCommit;
        LoadListener listener = terminal ? new Progress(progress, totalBytes(paths))
                : progress != null && everyCommit ? new CommitLog(progress) : LoadListener.SILENT;
        LoadReport r = load(store, paths, reader, listener, materializer);
        if (terminal) {
            progress.print("\r\033[K");
        }
        return r;
    }

    /**
     * Loads {@code paths} as {@code kg load} does, telling {@code listener} (the server's ingest,
     * which reports the documents it stored). Not for concurrent use on one store: the
     * materializer is set on the store for the load's duration.
     */
    static LoadReport load(KnowledgeStore store, List<Path> paths, DocumentReader reader, LoadListener listener,
                           Materializer materializer) throws IOException {
        store.prepareLoad(); // the reuse indexes are read while the gazetteer is built
        Gazetteer g = gazetteer();
        Pipeline pipeline = Pipeline.standard(g);
        DocumentMapper mapper = new DocumentMapper(store.iris(), g);
        store.setWriteHook(materializer != null ? materializer : Materializer.invalidating(store.iris()));
        try {
            return store.load(paths, reader, pipeline, mapper, listener);
        } finally {
            store.setWriteHook(WriteHook.NONE);
        }
    }

    private static long totalBytes(List<Path> paths) {
        long total = 0;
        for (Path p : paths) {
            try (Stream<Path> s = Files.walk(p)) {
                total += s.filter(Files::isRegularFile).mapToLong(f -> {
                    try {
                        long size = Files.size(f);
                        // A gzip file holds about three times its size in text.
                        return f.toString().endsWith(".gz") ? size * 3 : size;
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            } catch (IOException | RuntimeException e) {
                // A path that cannot be walked is reported by the reader itself.
            }
        }
        return total;
    }

    /** A line per committed batch: "committed: 128 documents settled, 120 new, 51,200 characters". */
    private static final class CommitLog implements LoadListener {
        private final PrintStream out;

        CommitLog(PrintStream out) {
            this.out = out;
        }

        @Override
        public void committed(long done, long added, long chars) {
            out.printf(java.util.Locale.ROOT, "committed: %,d documents settled, %,d new, %,d characters%n", done, added, chars);
            out.flush();
        }
    }

    /** Documents per second and an estimate of the time left, rewritten on one terminal line. */
    private static final class Progress implements LoadListener {
        private final PrintStream out;
        private final long totalBytes;
        private final long t0 = System.nanoTime();

        Progress(PrintStream out, long totalBytes) {
            this.out = out;
            this.totalBytes = totalBytes;
        }

        @Override
        public void committed(long done, long added, long chars) {
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = done / Math.max(secs, 1e-3);
            String left = "";
            if (chars > 0 && totalBytes > chars) {
                double remaining = secs * (totalBytes - chars) / chars;
                left = String.format("  ~%.0f s left", remaining);
            }
            out.printf("\r\033[K%,d documents (%,d new)  %.1f docs/s%s", done, added, rate, left);
            out.flush();
        }
    }
}
