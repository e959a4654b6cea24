package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.BoilerplateMarkerTest.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GazetteerMentionFinderTest {

    private static final GazetteerEntry IS = GazetteerEntry.actor("id/actor/islamic-state", EntityKind.REBEL_GROUP, "Islamic State", null);
    private static final GazetteerEntry SDF = GazetteerEntry.actor("id/actor/syrian-democratic-forces", EntityKind.POLITICAL_MILITIA, "Syrian Democratic Forces", "SY");
    private static final GazetteerEntry SYRIA_STATE = GazetteerEntry.actor("id/actor/syria", EntityKind.STATE, "Syria", "SY");
    private static final GazetteerEntry SYRIA_PLACE = new GazetteerEntry("id/place/syria-163843", EntityKind.PLACE, "Syria", "163843", 35, 38, "SY", 0, "A.PCLI");
    private static final GazetteerEntry HOMS = new GazetteerEntry("id/place/homs-169577", EntityKind.PLACE, "Homs", "169577", 34.73, 36.72, "SY", 775404, "P.PPLA");
    private static final GazetteerEntry HOMS_SMALL = new GazetteerEntry("id/place/homs-1", EntityKind.PLACE, "Homs", "1", 0, 0, "LY", 2000, "P.PPL");

    private static final Gazetteer GAZETTEER = new Gazetteer.Builder()
            .add(IS, "Islamic State", Gazetteer.NameForm.NAME)
            .add(IS, "IS", Gazetteer.NameForm.ACRONYM)
            .add(IS, "Daesh", Gazetteer.NameForm.NAME)
            .add(SDF, "Syrian Democratic Forces", Gazetteer.NameForm.NAME)
            .add(SDF, "SDF", Gazetteer.NameForm.ACRONYM)
            .add(SYRIA_STATE, "Syria", Gazetteer.NameForm.NAME)
            .add(SYRIA_STATE, "Syrian", Gazetteer.NameForm.DEMONYM)
            .add(SYRIA_PLACE, "Syria", Gazetteer.NameForm.NAME)
            .add(HOMS_SMALL, "Homs", Gazetteer.NameForm.NAME)
            .add(HOMS, "Homs", Gazetteer.NameForm.NAME)
            .add(HOMS, "Ḥimṣ", Gazetteer.NameForm.NAME)
            .build();

    private static List<String> found(String text) {
        AnalyzedDocument a = analyze(text, new BoilerplateMarker(), new SentenceSplitter(), new GazetteerMentionFinder(GAZETTEER));
        return a.mentions().stream().map(m -> m.exact() + "=" + m.entity()).toList();
    }

    @Test
    void prefersTheLongestNameOverItsDemonymPrefix() {
        assertEquals(List.of("Syrian Democratic Forces=id/actor/syrian-democratic-forces", "SDF=id/actor/syrian-democratic-forces"),
                found("The Syrian Democratic Forces (SDF) advanced."));
    }

    @Test
    void anAcronymMatchesOnlyInItsOwnCase() {
        assertEquals(List.of("IS=id/actor/islamic-state"), found("The town is held by IS, and it is quiet."));
        assertEquals(List.of(), found("This is what it is."));
    }

    @Test
    void aNameMatchesOnlyWhenWrittenWithACapital() {
        assertEquals(List.of("DAESH=id/actor/islamic-state", "Daesh=id/actor/islamic-state"), found("DAESH fled. Daesh returned. daesh is a word here."));
    }

    @Test
    void foldsCaseDiacriticsAndChoosesTheMostPopulousPlace() {
        assertEquals(List.of("Homs=id/place/homs-169577", "Ḥimṣ=id/place/homs-169577"), found("Homs was shelled. Ḥimṣ was quiet."));
    }

    @Test
    void aCountryNameGoesToThePlaceAndTheDemonymToTheState() {
        assertEquals(List.of("Syria=id/place/syria-163843", "Syrian=id/actor/syria"), found("In Syria, Syrian troops advanced."));
    }

    @Test
    void skipsBoilerplate() {
        assertEquals(List.of("Homs=id/place/homs-169577"), found("Click here for news from Syria.\nHoms was shelled."));
    }

    @Test
    void recordsSpansThatMatchTheText() {
        String text = "Fighting near Homs.";
        AnalyzedDocument a = analyze(text, new BoilerplateMarker(), new SentenceSplitter(), new GazetteerMentionFinder(GAZETTEER));
        Mention m = a.mentions().get(0);
        assertEquals(new Span(14, 18), m.span());
        assertEquals(EntityKind.PLACE, m.kind());
    }
}
