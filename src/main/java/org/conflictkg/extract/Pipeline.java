package org.conflictkg.extract;

import org.conflictkg.ingest.Document;

import java.util.List;

/**
 * The extraction stages in order. Stateless across documents, so documents may be analysed on
 * several threads at once.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.standard(gazetteer);
 * AnalyzedDocument a = pipeline.analyze(document);
 * }</pre>
 */
public final class Pipeline {

    private final List<ExtractionStage> stages;

    public Pipeline(List<ExtractionStage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** Boilerplate, sentences, gazetteer mentions, capitals used for states, people, acronyms, relations, then who said what. */
    public static Pipeline standard(Gazetteer gazetteer) {
        return new Pipeline(List.of(
                new BoilerplateMarker(),
                new SentenceSplitter(),
                new GazetteerMentionFinder(gazetteer),
                new MetonymResolver(gazetteer),
                new PersonFinder(gazetteer),
                new AcronymFinder(),
                new RelationFinder(gazetteer),
                new QuotationFinder(),
                new ReportedSpeechFinder(),
                new SpeakerResolver(gazetteer)));
    }

    public List<ExtractionStage> stages() {
        return stages;
    }

    public AnalyzedDocument analyze(Document document) {
        AnalyzedDocument doc = new AnalyzedDocument(document);
        for (ExtractionStage stage : stages) {
            stage.process(doc);
        }
        return doc;
    }
}
