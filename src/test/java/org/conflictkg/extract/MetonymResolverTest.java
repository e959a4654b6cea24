package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.GAZETTEER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetonymResolverTest {

    private static final String US = "id/actor/united-states";
    private static final String RU = "id/actor/russia";
    private static final String SY = "id/actor/syria";
    private static final String TR = "id/actor/turkey";
    private static final String IQ = "id/actor/iraq";

    /** The mentions as "exact=entity", after the gazetteer and metonym stages only. */
    private static List<String> found(String text) {
        return BoilerplateMarkerTest.analyze(text, new BoilerplateMarker(), new SentenceSplitter(),
                        new GazetteerMentionFinder(GAZETTEER), new MetonymResolver(GAZETTEER))
                .mentions().stream().map(m -> m.exact() + "=" + m.entity()).toList();
    }

    private static String place(GazetteerEntry e) {
        return e.name() + "=" + e.key();
    }

    @Test
    void aCapitalThatSpeaksOrActsIsItsState() {
        assertEquals(List.of("Washington=" + US, "Moscow=" + RU), found("Washington warned Moscow against sending more jets."));
        assertEquals(List.of("Damascus=" + SY), found("Damascus said the convoy had been ambushed."));
        assertEquals(List.of("Ankara=" + TR), found("Ankara on Tuesday accused the militia of shelling border villages."));
        assertEquals(List.of("Baghdad=" + IQ), found("Baghdad has long demanded a timetable for the withdrawal."));
        assertEquals(List.of("Moscow=" + RU), found("Moscow, which backs the army, denied any role."));
        assertEquals(List.of("Washington=" + US), found("\"We will not stay,\" Washington insisted."));
    }

    @Test
    void possessivesFusedFormsAndObjectsOfAgentsAreStates() {
        assertEquals(List.of("Moscow=" + RU), found("Moscow's military support kept the offensive going."));
        assertEquals(List.of("Ankara=" + TR, "Syria=" + StageFixtures.SYRIA_PLACE.key()), found("Ankara's Syria policy changed twice in a year."));
        assertEquals(List.of("Damascus=" + SY), found("Damascus and its allies retook the highway."));
        assertEquals(List.of("Moscow=" + RU), found("Diplomats worried about Moscow's intentions."), "after a preposition too");
        assertEquals(List.of("Moscow=" + RU), found("Moscow-backed units moved south."));
        assertEquals(List.of("Damascus=" + SY), found("The militias are backed by Damascus."));
        assertEquals(List.of("Baghdad=" + IQ), found("The envoy held talks with Baghdad about the border."));
        assertEquals(List.of("Moscow=" + RU), found("New sanctions against Moscow were announced."));
        assertEquals(List.of("Damascus=" + SY), found("The bombing was carried out by pro-Damascus militias, according to monitors."));
        assertEquals(List.of("Washington=" + US), found("The strike was a mistake, according to Washington."));
    }

    @Test
    void namesJoinedToAnAgentShareItsContext() {
        assertEquals(List.of("Washington=" + US, "Moscow=" + RU), found("Washington and Moscow have agreed on a ceasefire."));
        assertEquals(List.of("Ankara=" + TR, "Baghdad=" + IQ), found("Talks between Ankara and Baghdad resumed on Monday."));
        assertEquals(List.of("Syria=" + StageFixtures.SYRIA_PLACE.key(), "Moscow=" + RU),
                found("Syria and Moscow signed a new basing deal."), "the country itself is left to the relation stage");
    }

    @Test
    void aCapitalMeantAsACityStaysAPlace() {
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Shelling hit Damascus on Monday."));
        assertEquals(List.of(place(StageFixtures.MOSCOW)), found("The delegation flew to Moscow."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("The Damascus suburbs were shelled again."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Checkpoints closed the road to Damascus."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Officials in Damascus said the airport was closed."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Damascus's old city was spared."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Damascus's main military hospital was full."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Mortars fell in Damascus's eastern suburbs."));
        assertEquals(List.of(place(StageFixtures.MOSCOW)), found("Moscow has a population of twelve million."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Rockets hit eastern Damascus, killing four."));
        assertEquals(List.of(place(StageFixtures.DAMASCUS)), found("Rebels held parts of eastern Damascus claiming it as theirs."));
        assertEquals(List.of("Moscow=" + RU), found("Moscow is seeking a deal."), "an -ing form after a form of be");
    }

    @Test
    void aListOfCitiesOrAJourneyBetweenThemIsNoAgent() {
        assertEquals(List.of(place(StageFixtures.MOSCOW), place(StageFixtures.DAMASCUS)), found("Flights between Moscow and Damascus resumed."));
        assertEquals(List.of(place(StageFixtures.ALEPPO), place(StageFixtures.DAMASCUS)),
                found("Residents of Aleppo and Damascus said bread prices had doubled."));
    }

    @Test
    void aCapitalInsideAPersonsNameIsNoState() {
        assertEquals(List.of(place(StageFixtures.WASHINGTON)), found("Mr. Washington said he would run again."));
        assertEquals(List.of(place(StageFixtures.WASHINGTON)), found("The actor Denzel Washington said he was moved."));
    }

    @Test
    void theWholePipelineSeesTheStateInRelations() {
        AnalyzedDocument a = StageFixtures.analyze("Moscow-backed militias shelled the town.");
        assertTrue(a.relations().stream().anyMatch(r -> r.type() == Relation.Type.SUPPORT && r.source().equals(RU)), a.relations().toString());
        AnalyzedDocument b = StageFixtures.analyze("Ankara has supported the Syrian National Army since 2016.");
        assertEquals(List.of(TR + ">" + StageFixtures.SNA.key()), b.relations().stream()
                .filter(r -> r.type() == Relation.Type.SUPPORT).map(r -> r.source() + ">" + r.target()).toList());
    }
}
