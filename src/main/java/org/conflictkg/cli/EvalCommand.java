package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.conflictkg.eval.AttributionEvaluation;
import org.conflictkg.eval.GoldCorpus;
import org.conflictkg.eval.GoldDocument;
import org.conflictkg.eval.MalformedGoldException;
import org.conflictkg.extract.Pipeline;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code kg eval attribution [--gold DIR] [--limit N] [--show-errors N]}: runs the standard
 * pipeline over texts with gold attribution annotations (brat standoff, as in PolNeAR) and prints
 * precision, recall and F1 of the quotation contents and the accuracy of their sources, for direct
 * quotations and for all attributions. Without {@code --gold} it uses PolNeAR's dev split beside
 * the project ({@code ../shared/corpus/polnear/data/dev}) when present: the test split is for
 * final figures only, so it must be named.
 *
 * <p>A text or annotation file that cannot be read is reported and left out, and the command
 * exits with {@link ExitCode#INPUT_REJECTED} after printing the figures of the rest.
 */
final class EvalCommand implements Command {

    private static final Path DEFAULT_GOLD = Path.of("..", "shared", "corpus", "polnear", "data", "dev");

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "measure the extractor against gold annotations";
    }

    @Override
    public String synopsis() {
        return "attribution [--gold DIR] [--limit N] [--show-errors N] [--errors all|direct]";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("gold").hasArg().argName("DIR")
                .desc("a PolNeAR split folder (text/ and attributions/) or a folder of .txt files with their .ann files"
                        + " (default ../shared/corpus/polnear/data/dev)").build());
        o.addOption(Option.builder().longOpt("limit").hasArg().argName("N").desc("score at most N texts, in name order").build());
        o.addOption(Option.builder().longOpt("show-errors").hasArg().argName("N")
                .desc("print the first N missed, spurious and wrong-source examples (default 0)").build());
        o.addOption(Option.builder().longOpt("errors").hasArg().argName("all|direct")
                .desc("whose errors --show-errors prints: of all attributions (default) or of direct quotations only").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        List<String> args = line.getArgList();
        if (args.size() != 1 || !args.get(0).equals("attribution")) {
            throw new UsageException("name what to evaluate: attribution");
        }
        Path gold = goldFolder(line.getOptionValue("gold"));
        int limit = count(line, "limit", Integer.MAX_VALUE, 1);
        int examples = count(line, "show-errors", 0, 0);
        String errorsOf = line.getOptionValue("errors", "all");
        if (!errorsOf.equals("all") && !errorsOf.equals("direct")) {
            throw new UsageException("--errors " + errorsOf + ": expected all or direct");
        }
        GoldCorpus corpus = GoldCorpus.open(gold);
        int rejected = 0;
        for (Path p : corpus.unpairedAnnotations()) {
            err.println("rejected: " + p.getFileName() + ": no text for it in the gold folder (" + textNames(p) + ")");
            rejected++;
        }
        List<GoldCorpus.Article> articles = corpus.articles();
        articles = articles.subList(0, Math.min(limit, articles.size()));
        int leftOut = corpus.annotationFiles() - corpus.articles().size();
        out.printf(Locale.ROOT, "gold: %s: %d annotated texts, %d annotation files (%d by further annotators left out: the first by name is used)%n",
                gold, corpus.articles().size(), corpus.annotationFiles(), leftOut);
        if (!corpus.unannotatedTexts().isEmpty()) {
            out.printf(Locale.ROOT, "%d texts without an annotation file left out%n", corpus.unannotatedTexts().size());
        }
        AttributionEvaluation eval = new AttributionEvaluation(Pipeline.standard(Loading.gazetteer()), examples, errorsOf.equals("direct"));
        for (GoldCorpus.Article a : articles) {
            GoldDocument d;
            try {
                d = corpus.read(a);
            } catch (MalformedGoldException e) {
                err.println("rejected: " + e.getMessage());
                rejected++;
                continue;
            }
            if (d.textOffset() > 0) {
                err.println("note: " + a.text().getFileName() + ": " + d.textOffset()
                        + " characters before the text read (a header); gold spans there count as missed");
            }
            eval.add(d);
        }
        if (rejected > 0) {
            out.printf(Locale.ROOT, "%d files rejected (see the messages above)%n", rejected);
        }
        eval.printReport(out);
        return rejected > 0 ? ExitCode.INPUT_REJECTED : ExitCode.OK;
    }

    private static Path goldFolder(String value) {
        if (value == null) {
            if (!Files.isDirectory(DEFAULT_GOLD)) {
                throw new UsageException("--gold DIR is required: no PolNeAR dev split at " + DEFAULT_GOLD);
            }
            return DEFAULT_GOLD;
        }
        Path p = Path.of(value);
        if (!Files.isDirectory(p)) {
            throw new UsageException("--gold " + value + ": no such folder");
        }
        return p;
    }

    /** The text names an annotation file could belong to, for the message when there is none. */
    private static String textNames(Path annotations) {
        String stem = annotations.getFileName().toString().replaceFirst("\\.ann$", "");
        int underscore = stem.lastIndexOf('_');
        return underscore > 0 ? stem + ".txt or " + stem.substring(0, underscore) + ".txt" : stem + ".txt";
    }

    private static int count(CommandLine line, String name, int dflt, int min) {
        String v = line.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + v + ": expected a whole number of at least " + min);
        }
    }
}
