package org.conflictkg.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the shipped gazetteer data through the matcher: spellings, ids, coverage of the conflict. */
class GazetteerLoaderTest {

    static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = GazetteerLoader.standard();
    }

    private static List<String> found(String text) {
        return Pipeline.standard(gazetteer).analyze(org.conflictkg.ingest.DocumentReader.fromText(text, "t.txt"))
                .mentions().stream().map(Mention::entity).toList();
    }

    @Test
    void everySpellingOfAProvinceCapitalIsOnePlace() {
        for (String spelling : List.of("Deir ez-Zor", "Deir el-Zour", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zor", "Deir Ez-Zour")) {
            assertEquals(List.of("id/place/deir-ez-zor-170794"), found("Shelling hit " + spelling + " overnight."), spelling);
        }
        for (String spelling : List.of("Al-Bukamal", "Albu Kamal", "Abu Kamal")) {
            assertEquals(List.of("id/place/albu-kamal-174448"), found("Fighting reached " + spelling + " on Friday."), spelling);
        }
    }

    @Test
    void townsOfTheTheatreHaveTheirGeoNamesIds() {
        Map<String, String> ids = Map.of("Raqqa", "172955", "Tabqa", "172374", "al-Shaddadi", "172837", "Ain Issa", "172134", "Baghdad", "98182");
        ids.forEach((name, id) -> {
            List<String> m = found("Convoys left " + name + " at dawn.");
            assertEquals(1, m.size(), name + ": " + m);
            assertTrue(m.get(0).endsWith("-" + id), name + " -> " + m.get(0));
            assertEquals(id, gazetteer.entry(m.get(0)).geonamesId());
        });
    }

    @Test
    void townsLieInTheirGovernorateByGeoNamesAdmin1Codes() {
        GazetteerEntry deirEzZor = gazetteer.entry(found("Shelling hit Deir ez-Zor overnight.").get(0));
        assertEquals("07", deirEzZor.admin1());
        assertEquals("Deir ez-Zor Governorate", gazetteer.provinceOf(deirEzZor).name());
        assertEquals("Raqqa Governorate", gazetteer.provinceOf(gazetteer.entry(found("Convoys left Raqqa at dawn.").get(0))).name());
        assertEquals("Nineveh Governorate", gazetteer.provinceOf(gazetteer.entry(found("Convoys left Mosul at dawn.").get(0))).name());
        // A governorate is in no province; a river is not placed by its reference point; Jerusalem's
        // province is not in the gazetteer.
        GazetteerEntry governorate = gazetteer.provinceOf(deirEzZor);
        assertNull(gazetteer.provinceOf(governorate));
        assertEquals("SY", governorate.countryCode());
        assertNull(gazetteer.provinceOf(gazetteer.entry(found("The Khabur River rose.").get(0))));
        assertNull(gazetteer.provinceOf(gazetteer.entry(found("Crowds gathered in Jerusalem.").get(0))));
    }

    @Test
    void aNameOfTownsInSeveralCountriesFollowsTheCountriesOfTheDocument() {
        String lebanon = "id/place/tripoli-266826";
        String libya = "id/place/tripoli-2210247";
        assertEquals(libya, found("Gunfire was heard in Tripoli.").get(0), "no context: the more populous");
        assertEquals(lebanon, found("Gunfire was heard in Tripoli. Lebanon's army deployed.").get(0));
        assertEquals(lebanon, found("Gunfire was heard in Tripoli, north of Beirut.").get(0), "implied by a place");
        assertEquals(libya, found("Gunfire was heard in Tripoli. Libya's rival governments traded blame.").get(0));
        // A town of Idlib that GeoNames also gives as a name of a larger Chinese town.
        assertEquals("id/place/salaqi-2035196", found("Jets struck Salqin at dawn.").get(0));
        assertEquals("id/place/salqin-164898", found("Jets struck Salqin at dawn, rescuers in Syria said.").get(0));
        // Smaller American namesakes of European cities never take their names, wherever the text is.
        assertEquals("id/place/paris-2988507", found("The United States sent a delegation to Paris.").get(1));
        assertEquals("id/place/geneve-2660646", found("The United States sent a delegation to Geneva.").get(1));
        // Palmyra in Syria is a fifth of the size of Palmira in Colombia; a text about Syria means the Syrian one.
        assertEquals("id/place/palmira-3673164", found("Tourists flocked to Palmyra.").get(0));
        assertEquals("id/place/tadmur-163808", found("Syrian troops retook Palmyra.").get(1));
    }

    @Test
    void theCapitalsOfTheActorListStandForTheirStatesOnlyWhenTheyAct() {
        assertEquals(List.of("id/actor/syria"), found("Damascus rejected the proposal on Friday."));
        assertEquals(List.of("id/actor/united-states", "id/actor/russia"), found("Washington accused Moscow of shielding the government."));
        assertEquals(List.of("id/actor/turkey", "id/actor/iran"), found("Talks between Ankara and Tehran ended without a deal."));
        assertEquals(List.of("id/place/damascus-170654"), found("Rockets fell on Damascus overnight."));
        assertEquals(List.of("id/place/moscow-524901"), found("The minister flew to Moscow."));
        Mention moscow = new Mention(new Span(0, 6), "id/place/moscow-524901", EntityKind.PLACE, "Moscow");
        assertEquals("id/actor/russia", gazetteer.actorByMetonym(moscow).key());
        // Paris's labels fold "Perry" to it; a surname so folded is no metonym of France.
        assertEquals(List.of("id/place/paris-2988507"), found("Reporters asked Perry about it."));
        assertNull(gazetteer.actorByMetonym(new Mention(new Span(0, 5), "id/place/paris-2988507", EntityKind.PLACE, "Perry")));
        assertEquals("id/actor/france", gazetteer.actorByMetonym(new Mention(new Span(0, 5), "id/place/paris-2988507", EntityKind.PLACE, "PARIS")).key());
    }

    @Test
    void weekdaysOutletsAndAcronymsAreNeverPlaces() {
        String text = "On Sunday, Reuters and AFP said IS fighters left. Monday was quiet, VOA reported.";
        for (String key : found(text)) {
            assertTrue(!key.startsWith("id/place/"), key);
        }
        assertNull(gazetteer.find("Sunday"));
    }

    @Test
    void theActorListCoversTheConflict() {
        Map<EntityKind, Integer> kinds = new EnumMap<>(EntityKind.class);
        String ttl = org.conflictkg.store.ReferenceData.actors();
        for (EntityKind k : EntityKind.values()) {
            int n = ttl.split("a ckg:" + k.ontologyClass() + " ;", -1).length - 1;
            kinds.put(k, n);
        }
        int armed = kinds.get(EntityKind.REBEL_GROUP) + kinds.get(EntityKind.POLITICAL_MILITIA)
                + kinds.get(EntityKind.IDENTITY_MILITIA) + kinds.get(EntityKind.EXTERNAL_FORCE);
        assertTrue(armed >= 60, "armed groups and militias: " + armed);
        assertTrue(kinds.get(EntityKind.STATE) >= 25, kinds.toString());
        assertTrue(kinds.get(EntityKind.MEDIA_OUTLET) >= 40, kinds.toString());
    }
}
