package org.conflictkg.bench;

import org.conflictkg.extract.GazetteerLoader;
import org.conflictkg.ingest.DocumentReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the load benchmark on a handful of short articles, to keep it working: the report's
 * structure and counts, never its timings.
 */
class LoadBenchmarkIT {

    @Test
    void measuresTheLoadTheRawLoaderTheBatchAndEveryQuery(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String[] places = {"Mosul", "Raqqa", "Aleppo", "Deir ez-Zor", "Idlib", "Homs"};
        for (int i = 0; i < places.length; i++) {
            Files.writeString(in.resolve("a" + i + ".txt"), "Title: Report " + i + "\nDate: 2017-09-1" + i + "\n\n"
                    + "U.S.-backed Syrian Democratic Forces advanced near " + places[i] + " on Monday. \"We are moving fast,\""
                    + " said Colonel Dana Whitfield, a spokeswoman for the U.S.-led coalition.");
        }
        Path queries = Path.of("queries");
        LoadBenchmark.Settings settings = new LoadBenchmark.Settings(4, 2, 2, 1, 100, queries);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DocumentReader reader = new DocumentReader();
        LoadBenchmark.Result r = LoadBenchmark.run(sink -> reader.read(List.of(in), sink), settings, GazetteerLoader.standard(),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String report = buf.toString(StandardCharsets.UTF_8);

        assertEquals(4, r.documents(), report);
        assertTrue(r.kgQuads() > 0, report);
        assertEquals(r.kgQuads(), r.nquads(), "every quad of kg's store exported");
        assertEquals(r.kgQuads(), r.rawQuads(), "the raw loader stored the same quads");
        assertEquals(2, r.batchDocuments());
        assertTrue(r.stages().stream().allMatch(s -> s.bytes() > 0 && s.documents() == 4), report);

        Set<String> expected;
        try (Stream<Path> files = Files.list(queries)) {
            expected = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toSet());
        }
        for (int clients : new int[] {1, 2}) {
            Set<String> measured = r.latencies().stream().filter(q -> q.clients() == clients)
                    .map(LoadBenchmark.QueryLatency::query).collect(Collectors.toSet());
            assertEquals(expected, measured, "every query measured with " + clients + " client(s)");
        }
        assertTrue(r.latencies().stream().allMatch(q -> q.requests() == q.clients()), report);
        assertEquals(0, r.failedRequests(), report);
        assertEquals(Set.of(1, 2), r.requestsPerSecond().keySet());
        assertTrue(report.contains("raw loader time / kg load time"), report);
        assertTrue(report.contains("throughput of answered requests, 2 clients / 1"), report);
        assertTrue(report.contains("(round trip)") && report.contains("x the round trip"),
                "each query's time is read against the noise floor of the same run: " + report);
    }
}
