package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.rdf.CompactJsonLd;
import org.conflictkg.rdf.SpanOffsets;
import org.conflictkg.store.KnowledgeStore;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code kg export --db DIR --format ttl|trig|nq|nt|jsonld|rdfxml [--graph IRI] [-o FILE]}. JSON-LD is
 * written compact with the published context ({@code ontology/context.jsonld}) inline, one named
 * graph at a time.
 */
final class ExportCommand implements Command {

    private static final Map<String, RDFFormat> FORMATS = Map.of(
            "ttl", RDFFormat.TURTLE_BLOCKS,
            "trig", RDFFormat.TRIG_BLOCKS,
            "nq", RDFFormat.NQUADS,
            "nt", RDFFormat.NTRIPLES,
            "jsonld", RDFFormat.JSONLD11,
            "rdfxml", RDFFormat.RDFXML_PLAIN);

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write the store (or one graph) as Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML";
    }

    @Override
    public String synopsis() {
        return "--db DIR --format ttl|trig|nq|nt|jsonld|rdfxml [--graph IRI] [-o FILE]";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), true);
        o.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT").required()
                .desc("ttl, trig, nq, nt, jsonld or rdfxml; triple formats (ttl, nt, rdfxml) write the union of all graphs")
                .build());
        o.addOption(Option.builder().longOpt("graph").hasArg().argName("IRI").desc("export only this named graph").build());
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE").desc("write to FILE instead of standard output").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String format = line.getOptionValue("format");
        RDFFormat rdfFormat = FORMATS.get(format);
        if (rdfFormat == null) {
            throw new UsageException("--format " + format + ": expected one of ttl, trig, nq, nt, jsonld, rdfxml");
        }
        String graph = line.getOptionValue("graph");
        boolean quads = RDFFormat.NQUADS.equals(rdfFormat) || RDFFormat.TRIG_BLOCKS.equals(rdfFormat) || RDFFormat.JSONLD11.equals(rdfFormat);
        try (KnowledgeStore store = StoreOptions.open(line);
                OutputStream sink = line.hasOption("output")
                        ? new BufferedOutputStream(Files.newOutputStream(Path.of(line.getOptionValue("output"))), 1 << 16)
                        : out) {
            store.read(dsg -> {
                if (graph != null && !dsg.containsGraph(NodeFactory.createURI(graph))) {
                    throw new UsageException("--graph " + graph + ": no such graph in the store");
                }
                // The store keeps spans' offsets in their IRIs only; an export states them too.
                DatasetGraph view = SpanOffsets.stated(graph == null ? dsg : single(dsg, graph));
                if (RDFFormat.JSONLD11.equals(rdfFormat)) {
                    // Compact with our context, graph by graph, rather than Jena's prefix-only compaction.
                    CompactJsonLd.standard().write(view, sink);
                } else if (quads) {
                    if (RDFFormat.NQUADS.equals(rdfFormat)) {
                        // Streamed: N-Quads needs no buffering, so a store of any size exports in bounded memory.
                        RDFDataMgr.writeQuads(sink, view.find());
                    } else {
                        RDFDataMgr.write(sink, view, rdfFormat);
                    }
                } else {
                    Graph g = graph == null ? view.getUnionGraph() : view.getGraph(NodeFactory.createURI(graph));
                    if (RDFFormat.NTRIPLES.equals(rdfFormat)) {
                        RDFDataMgr.writeTriples(sink, g.find());
                    } else {
                        RDFDataMgr.write(sink, g, rdfFormat);
                    }
                }
                return null;
            });
            sink.flush();
        }
        return ExitCode.OK;
    }

    private static DatasetGraph single(DatasetGraph dsg, String graph) {
        DatasetGraph one = DatasetGraphFactory.createGeneral();
        var node = NodeFactory.createURI(graph);
        dsg.find(node, null, null, null).forEachRemaining(q -> one.add(new Quad(node, q.asTriple())));
        return one;
    }

    static Lang langOf(String format) {
        return FORMATS.get(format).getLang();
    }
}
