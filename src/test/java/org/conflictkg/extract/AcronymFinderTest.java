package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AcronymFinderTest {

    @Test
    void anUnknownOrganisationIntroducedWithItsAcronymBecomesAnEntity() {
        AnalyzedDocument a = analyze("Fighters of Liwa Suqur al-Jabal (LSJ) held the ridge. Later LSJ withdrew.");
        IntroducedEntity e = a.introduced("id/actor/liwa-suqur-al-jabal");
        assertEquals("Liwa Suqur al-Jabal", e.name());
        assertEquals(List.of("LSJ"), e.acronyms());
        assertEquals(List.of("Liwa Suqur al-Jabal", "LSJ", "LSJ"),
                a.mentions().stream().filter(m -> m.entity().equals(e.key())).map(Mention::exact).toList());
    }

    @Test
    void mixedCaseAcronymsMatchTheInitials() {
        AnalyzedDocument a = analyze("The Jaish Usud al-Sharqiya (JuS) and others.");
        assertEquals("Jaish Usud al-Sharqiya", a.introduced("id/actor/jaish-usud-al-sharqiya").name());
    }

    @Test
    void aKnownOrganisationGainsItsAcronymInsteadOfANewEntity() {
        AnalyzedDocument a = analyze("The People's Protection Units (PPU) crossed. PPU fighters stayed.");
        assertEquals(List.of(), List.copyOf(a.introduced()));
        assertEquals(3, a.mentions().stream().filter(m -> m.entity().equals("id/actor/ypg")).count());
    }

    @Test
    void parenthesesThatAreNotAcronymsAreIgnored() {
        AnalyzedDocument a = analyze("The town (pop. 20,000) and the Free Brigade (FX) were hit.");
        assertEquals(List.of(), List.copyOf(a.introduced()));
        assertNull(AcronymFinder.longFormBefore("the big brigade (BB)", 0, 17, "BB"));
    }
}
