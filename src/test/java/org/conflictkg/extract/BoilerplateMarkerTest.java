package org.conflictkg.extract;

import org.conflictkg.ingest.Document;
import org.conflictkg.ingest.DocumentMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoilerplateMarkerTest {

    static AnalyzedDocument analyze(String text, ExtractionStage... stages) {
        AnalyzedDocument a = new AnalyzedDocument(new Document(text, DocumentMetadata.ofFile("t.txt")));
        for (ExtractionStage s : stages) {
            s.process(a);
        }
        return a;
    }

    private static List<String> marked(String text) {
        AnalyzedDocument a = analyze(text, new BoilerplateMarker());
        return a.boilerplate().stream().map(s -> s.of(text)).toList();
    }

    @Test
    void marksEveryCopyOfARepeatedCaption() {
        String caption = "Soldiers walk past a damaged mosque in the old city.";
        String text = caption + "\n\nThe army entered the old city on Sunday.\n\n" + caption + "\n\nResidents returned.";
        assertEquals(List.of(caption, caption), marked(text));
    }

    @Test
    void marksPhotoCreditsAndCallsToAction() {
        String text = """
                A market reopened in the town.
                A boy sells bread in the market. (AP Photo/Jane Roe)
                Photo: Example Agency
                Click here for more coverage.
                Sign up for our newsletter
                Related: Fighting flares in the north
                Traders said business was slow.""";
        assertEquals(List.of(
                "A boy sells bread in the market. (AP Photo/Jane Roe)",
                "Photo: Example Agency",
                "Click here for more coverage.",
                "Sign up for our newsletter",
                "Related: Fighting flares in the north"), marked(text));
    }

    @Test
    void leavesRunningTextAloneIncludingTheWordPhotoInASentence() {
        String text = "The photographer said the photo was taken at dawn.\nShort line.\nShort line.";
        // A short repeated line under 20 characters is too weak a signal to mark.
        assertEquals(List.of(), marked(text));
    }

    @Test
    void aLongPhotoGalleryLineIsBoilerplateButALongParagraphIsNot() {
        String gallery = "Photos: The siege. " + "Residents queue for bread in the old city as shelling continues nearby. ".repeat(8)
                + "Hide Caption 1 of 12 Photos: The siege. Families leave on foot. Hide Caption 2 of 12";
        String body = "The offensive began at dawn, and " + "the fighting spread from the northern districts to the river. ".repeat(8);
        AnalyzedDocument a = new AnalyzedDocument(org.conflictkg.ingest.DocumentReader.fromText(gallery + "\n\n" + body, "g.txt"));
        new BoilerplateMarker().process(a);
        org.junit.jupiter.api.Assertions.assertEquals(1, a.boilerplate().size());
        org.junit.jupiter.api.Assertions.assertEquals(0, a.boilerplate().get(0).start());
    }
}
