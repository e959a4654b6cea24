package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpeakerResolverTest {

    /** Each quotation as "content -> speaker". */
    private static List<String> speakers(String text) {
        AnalyzedDocument a = analyze(text);
        return a.quotations().stream().map(q -> q.text(a.text()) + " -> " + q.speaker()).toList();
    }

    @Test
    void aNameWithAnAppositiveGivesThePersonTheRoleAndTheOrganisation() {
        AnalyzedDocument a = analyze("\"We are ready,\" said Omar Khalil, a spokesman for the Syrian National Army.");
        Quotation q = a.quotations().get(0);
        assertEquals("id/person/omar-khalil", q.speaker());
        assertEquals("spokesman for the Syrian National Army", q.speakerRole());
        assertEquals("id/actor/syrian-national-army", q.speakerOrganization());
    }

    @Test
    void aPronounGoesToTheNearestPersonOfItsGender() {
        assertEquals(List.of("the talks had failed -> id/person/mary-q-smith",
                        "The next round will be harder -> id/person/mary-q-smith"),
                speakers("Mary Q. Smith, a spokeswoman for the Syrian National Army, met Mr. Omar Khalil. She said the talks had failed. "
                        + "\"The next round will be harder,\" she said."));
        assertEquals(List.of("We will try again -> id/person/omar-khalil"),
                speakers("Mary Q. Smith, a spokeswoman for the Syrian National Army, met Mr. Omar Khalil. \"We will try again,\" he said."));
    }

    @Test
    void aPronounWithNoAntecedentLeavesTheQuotationUnattributed() {
        AnalyzedDocument a = analyze("\"We will not leave,\" he said.");
        Quotation q = a.quotations().get(0);
        assertNull(q.speaker());
        assertFalse(q.isAttributed());
        assertEquals("he", q.source().of(a.text()));
    }

    @Test
    void aSurnameIsThePersonNamedEarlier() {
        assertEquals(List.of("The bridge is open -> id/person/amira-jones"),
                speakers("Brig. Gen. Amira Jones toured Mosul.\n\n\"The bridge is open,\" Jones said."));
    }

    @Test
    void anOrganisationOrACountrySpeaks() {
        assertEquals(List.of("its fighters had left Afrin -> id/actor/ypg"), speakers("The YPG said its fighters had left Afrin."));
        assertEquals(List.of("no troops had crossed -> id/actor/turkey"), speakers("Turkey's defence ministry said no troops had crossed."));
    }

    @Test
    void aDescriptionGoesToTheActorWhoseNameEndsWithIt() {
        assertEquals(List.of("the roads into Mosul were open -> id/actor/iraqi-security-forces"),
                speakers("The Iraqi Security Forces reached the city. The forces said the roads into Mosul were open."));
    }

    @Test
    void aQuotationStandingAloneIsSpokenByTheSpeakerBeforeIt() {
        assertEquals(List.of("the convoy had been delayed -> id/person/omar-khalil", "We expect it on Friday. -> id/person/omar-khalil"),
                speakers("Omar Khalil, a spokesman for the Syrian National Army, said the convoy had been delayed.\n\n\"We expect it on Friday.\""));
    }

    @Test
    void aQuotationStandingAloneFarFromAnySpeakerStaysUnattributed() {
        assertEquals(List.of("the convoy had been delayed -> id/person/omar-khalil", "We expect it on Friday. -> null"),
                speakers("Omar Khalil, a spokesman for the Syrian National Army, said the convoy had been delayed.\n\nThe road was quiet.\n\n"
                        + "Trucks waited at the border.\n\n\"We expect it on Friday.\""));
    }

    @Test
    void toldGivesTheAddressee() {
        AnalyzedDocument a = analyze("\"The road is cut,\" Omar Khalil told Hezbollah on Monday.");
        assertEquals("id/actor/hezbollah", a.quotations().get(0).addressee());
        assertEquals("tell", a.quotations().get(0).reportingVerb());
    }
}
