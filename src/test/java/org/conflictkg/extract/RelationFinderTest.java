package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationFinderTest {

    private static List<String> relations(String text, Relation.Type type) {
        return analyze(text).relations().stream().filter(r -> r.type() == type)
                .map(r -> r.source() + ">" + r.target() + (r.detail() == null ? "" : "|" + r.detail())).toList();
    }

    private static final String US = "id/actor/united-states";
    private static final String TR = "id/actor/turkey";
    private static final String SNA = "id/actor/syrian-national-army";
    private static final String YPG = "id/actor/ypg";
    private static final String ISF = "id/actor/iraqi-security-forces";
    private static final String HEZ = "id/actor/hezbollah";

    @Test
    void countryBackedGroupIsSupportByTheState() {
        assertEquals(List.of(TR + ">" + SNA), relations("Turkish-backed Syrian National Army fighters entered Afrin.", Relation.Type.SUPPORT));
        assertEquals(List.of(US + ">" + YPG), relations("The U.S.-backed YPG held the dam.", Relation.Type.SUPPORT));
    }

    @Test
    void aGroupNamedByItsBackerBecomesOneEntityHoweverTheBackerIsWritten() {
        AnalyzedDocument a = analyze("Turkish-backed rebels shelled the town.");
        AnalyzedDocument b = analyze("Turkey-backed rebels shelled the town.");
        assertEquals("id/group/turkey-backed-rebels", a.introduced().iterator().next().key());
        assertEquals(a.introduced().iterator().next().key(), b.introduced().iterator().next().key());
        assertEquals(List.of(TR + ">id/group/turkey-backed-rebels"),
                a.relations().stream().map(r -> r.source() + ">" + r.target()).toList());
    }

    @Test
    void backedByWithAListAndTheKindOfSupport() {
        assertEquals(List.of(US + ">" + ISF + "|airstrikes", HEZ + ">" + ISF),
                relations("The Iraqi Security Forces, backed by American airstrikes and Hezbollah, entered Mosul.", Relation.Type.SUPPORT));
        assertEquals(List.of(TR + ">" + SNA),
                relations("The Syrian National Army, with the support of Turkey, took Afrin.", Relation.Type.SUPPORT));
    }

    @Test
    void supportAndPartnershipVerbs() {
        assertEquals(List.of(US + ">" + YPG + "|arms"), relations("The United States armed the YPG in 2017.", Relation.Type.SUPPORT));
        assertEquals(List.of(ISF + ">" + HEZ), relations("Iraqi Security Forces fought alongside Hezbollah near Kirkuk.", Relation.Type.PARTNERSHIP));
    }

    @Test
    void oppositionNeedsBothSidesInOneClause() {
        assertEquals(List.of(SNA + ">" + YPG + "|attacked"), relations("The Syrian National Army attacked the YPG near Afrin.", Relation.Type.OPPOSITION));
        assertEquals(List.of(), relations("The Syrian National Army rested, while others attacked the YPG.", Relation.Type.OPPOSITION));
        assertEquals(List.of(), relations("Hezbollah and the YPG were both mentioned.", Relation.Type.OPPOSITION));
    }

    @Test
    void coOccurrenceIsNeverSupport() {
        assertEquals(List.of(), relations("Hezbollah and the Syrian National Army were both in Afrin.", Relation.Type.SUPPORT));
        assertEquals(List.of(), relations("Turkey criticised the YPG.", Relation.Type.SUPPORT));
    }

    @Test
    void placesInPlacesAndDistances() {
        assertEquals(List.of("id/place/mosul-99072>id/place/nineveh"), relations("Fighting in Mosul, in Nineveh, went on.", Relation.Type.LOCATED_IN));
        assertEquals(List.of("id/place/aleppo-170063>id/place/syria-163843"),
                relations("Leaders discussed Syria in Damascus on Monday. Fighting in Aleppo, in Syria, went on.", Relation.Type.LOCATED_IN),
                "a country is never placed in a city, whatever the words say");
        AnalyzedDocument a = analyze("Troops reached a village 45 kilometers southwest of Kirkuk.");
        Relation r = a.relations().stream().filter(x -> x.type() == Relation.Type.SPATIAL).findFirst().orElseThrow();
        assertEquals("id/place/kirkuk-94787", r.target());
        assertEquals("SW", r.detail());
        assertEquals(45.0, r.distanceKm());
        Relation miles = analyze("Afrin lies 20 miles north of Kirkuk, officials said.").relations().stream()
                .filter(x -> x.type() == Relation.Type.SPATIAL).findFirst().orElseThrow();
        assertEquals("id/place/afrin-174186", miles.source());
        assertTrue(Math.abs(miles.distanceKm() - 32.19) < 0.01);
    }

    @Test
    void aCountryThatSpeaksOrBacksIsItsState() {
        AnalyzedDocument a = analyze("Turkey said its troops would stay.");
        assertEquals(TR, a.mentions().get(0).entity());
        AnalyzedDocument b = analyze("Troops crossed into Turkey on Sunday.");
        assertEquals("id/place/turkey-298795", b.mentions().get(0).entity());
    }
}
