package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameKeyTest {

    @Test
    void foldsCaseDiacriticsAndPunctuationBetweenWords() {
        assertEquals(List.of("deir", "ez", "zor"), NameKey.keys("Deir ez-Zor"));
        assertEquals(List.of("deir", "ez", "zor"), NameKey.keys("DEIR EZ ZOR"));
        assertEquals(List.of("dayr", "az", "zawr"), NameKey.keys("Dayr az Zawr"));
        assertEquals(List.of("mevlut", "cavusoglu"), NameKey.keys("Mevlüt Çavuşoğlu"));
    }

    @Test
    void keepsAnApostropheInsideAWordButNotAPossessive() {
        assertEquals(List.of("hayat", "tahrir", "al", "sham"), NameKey.keys("Hay'at Tahrir al-Sham"));
        assertEquals(List.of("russia", "s", "army"), NameKey.keys("Russia's army"));
    }
}
