package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonFinderTest {

    private static List<String> people(AnalyzedDocument a) {
        return a.mentions().stream().filter(m -> m.kind() == EntityKind.PERSON).map(m -> m.exact() + "=" + m.entity()).toList();
    }

    private static List<String> roles(AnalyzedDocument a) {
        return a.relations().stream().filter(r -> r.type() == Relation.Type.ROLE)
                .map(r -> r.source() + "|" + r.detail() + "|" + r.target()).toList();
    }

    @Test
    void aTitleIntroducesAPersonAndTheSurnameFindsThemAgain() {
        AnalyzedDocument a = analyze("Brig. Gen. Amira Jones inspected the base. Jones said the road was open.");
        assertEquals(List.of("Amira Jones=id/person/amira-jones", "Jones=id/person/amira-jones"), people(a));
        // The surname is also a village in the gazetteer: as part of a person's name it is not a place.
        assertTrue(a.mentions().stream().noneMatch(m -> m.kind() == EntityKind.PLACE));
    }

    @Test
    void anAppositiveGivesTheRoleAndItsOrganisation() {
        AnalyzedDocument a = analyze("Omar Khalil, a spokesman for the Syrian National Army, denied the report.");
        assertEquals(List.of("Omar Khalil=id/person/omar-khalil"), people(a));
        assertEquals(List.of("id/person/omar-khalil|spokesman for the Syrian National Army|id/actor/syrian-national-army"), roles(a));
    }

    @Test
    void aCountryInARoleStandsForItsState() {
        AnalyzedDocument a = analyze("Mary Q. Smith, a former U.S. ambassador to Iraq, spoke on Monday.");
        assertEquals(List.of("id/person/mary-q-smith|former U.S. ambassador to Iraq|id/actor/united-states"), roles(a));
    }

    @Test
    void aRoleWithoutAnOrganisationIsKeptWithoutOne() {
        AnalyzedDocument a = analyze("Lina Haddad, a local activist, filmed the strike.");
        assertEquals(List.of("id/person/lina-haddad|local activist|null"), roles(a));
    }

    @Test
    void placesAndOrganisationsWithAnAppositiveAreNotPeople() {
        assertEquals(List.of(), people(analyze("Mosul, a city of two million, fell in 2014.")));
        assertEquals(List.of(), people(analyze("The Syrian National Army, a coalition of factions, advanced.")));
        assertEquals(List.of(), people(analyze("The spokesman said nothing.")));
    }
}
