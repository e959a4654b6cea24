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

    private static final GazetteerEntry USA = new GazetteerEntry("id/place/united-states-6252001", EntityKind.PLACE, "United States", "6252001", 39.76, -98.5, "US", 0, "A.PCLI");
    private static final GazetteerEntry LIBYA_PLACE = new GazetteerEntry("id/place/libya-2215636", EntityKind.PLACE, "Libya", "2215636", 28, 17, "LY", 0, "A.PCLI");
    private static final GazetteerEntry JORDAN_PLACE = new GazetteerEntry("id/place/jordan-248816", EntityKind.PLACE, "Jordan", "248816", 31, 36, "JO", 0, "A.PCLI");
    private static final GazetteerEntry RAQQA = new GazetteerEntry("id/place/raqqa-172955", EntityKind.PLACE, "Raqqa", "172955", 35.95, 39.01, "SY", 177636, "P.PPLA");
    // Made-up namesakes: one name, two small towns, the Jordanian one three times the larger.
    private static final GazetteerEntry KARAMA_SY = new GazetteerEntry("id/place/karama-1", EntityKind.PLACE, "Karama", "1", 35.9, 39.3, "SY", 9000, "P.PPL");
    private static final GazetteerEntry KARAMA_JO = new GazetteerEntry("id/place/karama-2", EntityKind.PLACE, "Karama", "2", 31.9, 35.6, "JO", 30000, "P.PPL");
    private static final GazetteerEntry QASR_SY = new GazetteerEntry("id/place/qasr-3", EntityKind.PLACE, "Qasr", "3", 34.5, 36.5, "SY", 50000, "P.PPL");
    private static final GazetteerEntry QASR_JO = new GazetteerEntry("id/place/qasr-4", EntityKind.PLACE, "Qasr", "4", 31.3, 35.7, "JO", 10000, "P.PPL");

    private static final Gazetteer GAZETTEER = new Gazetteer.Builder()
            .add(LIBYA_PLACE, "Libya", Gazetteer.NameForm.NAME)
            .add(JORDAN_PLACE, "Jordan", Gazetteer.NameForm.NAME)
            .add(RAQQA, "Raqqa", Gazetteer.NameForm.NAME)
            .add(KARAMA_SY, "Karama", Gazetteer.NameForm.NAME)
            .add(KARAMA_JO, "Karama", Gazetteer.NameForm.NAME)
            .add(QASR_SY, "Qasr", Gazetteer.NameForm.NAME)
            .add(QASR_JO, "Qasr", Gazetteer.NameForm.NAME)
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

    private static String karama(String text) {
        return found(text).stream().filter(m -> m.startsWith("Karama=")).findFirst().orElseThrow();
    }

    @Test
    void withoutContextANameOfSeveralPlacesGoesToTheMostPopulous() {
        assertEquals("Karama=" + KARAMA_JO.key(), karama("Shells fell on Karama overnight."));
    }

    @Test
    void aCountryTheDocumentNamesBeatsPopulationWhereverItIsNamed() {
        assertEquals("Karama=" + KARAMA_SY.key(), karama("Shells fell on Karama, in Syria."));
        assertEquals("Karama=" + KARAMA_SY.key(), karama("Shells fell on Karama overnight.\nThe war in Syria goes on."));
    }

    @Test
    void aDemonymOrAnUnambiguousPlaceImpliesItsCountry() {
        assertEquals("Karama=" + KARAMA_SY.key(), karama("Syrian troops entered Karama."));
        assertEquals("Karama=" + KARAMA_SY.key(), karama("The road from Karama to Raqqa was cut."));
    }

    @Test
    void whenTheDocumentMentionsBothCountriesPopulationDecides() {
        assertEquals("Karama=" + KARAMA_JO.key(), karama("Refugees from Raqqa reached Karama in Jordan."));
    }

    @Test
    void aFarMorePopulousPlaceKeepsItsNameAgainstAMentionedCountry() {
        // The Libyan Homs has less than a tenth of the Syrian one's people: Libya is no reason to take it.
        assertEquals(List.of("Libya=" + LIBYA_PLACE.key(), "Homs=" + HOMS.key()), found("Libya sent envoys to Homs."));
    }

    @Test
    void aSeatOfHigherAdministrationKeepsItsNameAgainstALesserNamesake() {
        GazetteerEntry capital = new GazetteerEntry("id/place/lakeport-5", EntityKind.PLACE, "Lakeport", "5", 46, 6, "CH", 180000, "P.PPLA");
        GazetteerEntry countySeat = new GazetteerEntry("id/place/lakeport-6", EntityKind.PLACE, "Lakeport", "6", 41, -88, "US", 20000, "P.PPLA2");
        Gazetteer g = new Gazetteer.Builder()
                .add(USA, "United States", Gazetteer.NameForm.NAME)
                .add(capital, "Lakeport", Gazetteer.NameForm.NAME)
                .add(countySeat, "Lakeport", Gazetteer.NameForm.NAME)
                .build();
        AnalyzedDocument a = analyze("The United States sent envoys to talks in Lakeport.", new BoilerplateMarker(), new SentenceSplitter(),
                new GazetteerMentionFinder(g));
        assertEquals(capital.key(), a.mentions().get(1).entity());
    }

    @Test
    void anAmbiguousNameIsNoEvidenceOfItsCountry() {
        // Qasr is taken as the Syrian town by population alone; that must not pull Karama to Syria.
        assertEquals(List.of("Karama=" + KARAMA_JO.key(), "Qasr=" + QASR_SY.key()), found("Fighting spread from Karama to Qasr."));
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
