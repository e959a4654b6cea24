package org.conflictkg.reason;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BroaderFeatureTest {

    @Test
    void administrativeLevelsGoFromCountryDownToPlacesAndOtherFeatures() {
        String[] broadestFirst = {"A.PCLI", "A.ADM1", "A.ADM2", "A.ADM3", "A.ADM4", "A.ADMD", "P.PPLA", "H.STM"};
        for (int i = 1; i < broadestFirst.length; i++) {
            assertTrue(BroaderFeature.level(broadestFirst[i - 1]) < BroaderFeature.level(broadestFirst[i]),
                    broadestFirst[i - 1] + " above " + broadestFirst[i]);
        }
        assertEquals(BroaderFeature.level("A.PCLI"), BroaderFeature.level("A.PCLD"), "dependent countries are countries");
        assertEquals(BroaderFeature.level("P.PPL"), BroaderFeature.level("P.PPLC"), "a capital is a populated place");
        assertEquals(BroaderFeature.level("A.ADM1"), BroaderFeature.level("a.adm1h"), "historical divisions keep their order");
    }
}
