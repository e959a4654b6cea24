package org.conflictkg.extract;

/** A small gazetteer for the stage tests: a few real actors and places, nothing from data/. */
final class StageFixtures {

    private StageFixtures() {}

    static final GazetteerEntry USA_STATE = GazetteerEntry.actor("id/actor/united-states", EntityKind.STATE, "United States", "US");
    static final GazetteerEntry USA_PLACE = new GazetteerEntry("id/place/united-states-6252001", EntityKind.PLACE, "United States", "6252001", 39.76, -98.5, "US", 0, "A.PCLI");
    static final GazetteerEntry TURKEY_STATE = GazetteerEntry.actor("id/actor/turkey", EntityKind.STATE, "Turkey", "TR");
    static final GazetteerEntry TURKEY_PLACE = new GazetteerEntry("id/place/turkey-298795", EntityKind.PLACE, "Turkey", "298795", 39, 35, "TR", 0, "A.PCLI");
    static final GazetteerEntry IRAQ_STATE = GazetteerEntry.actor("id/actor/iraq", EntityKind.STATE, "Iraq", "IQ");
    static final GazetteerEntry IRAQ_PLACE = new GazetteerEntry("id/place/iraq-99237", EntityKind.PLACE, "Iraq", "99237", 33, 44, "IQ", 0, "A.PCLI");
    static final GazetteerEntry HEZBOLLAH = GazetteerEntry.actor("id/actor/hezbollah", EntityKind.POLITICAL_MILITIA, "Hezbollah", "LB");
    static final GazetteerEntry SNA = GazetteerEntry.actor("id/actor/syrian-national-army", EntityKind.REBEL_GROUP, "Syrian National Army", "SY");
    static final GazetteerEntry YPG = GazetteerEntry.actor("id/actor/ypg", EntityKind.POLITICAL_MILITIA, "People's Protection Units", "SY");
    static final GazetteerEntry ISF = GazetteerEntry.actor("id/actor/iraqi-security-forces", EntityKind.STATE_FORCE, "Iraqi Security Forces", "IQ");
    static final GazetteerEntry MOSUL = new GazetteerEntry("id/place/mosul-99072", EntityKind.PLACE, "Mosul", "99072", 36.34, 43.13, "IQ", 1739800, "P.PPLA");
    static final GazetteerEntry NINEVEH = new GazetteerEntry("id/place/nineveh", EntityKind.PLACE, "Nineveh", null, 36.2, 42.6, "IQ", 0, "A.ADM1");
    static final GazetteerEntry AFRIN = new GazetteerEntry("id/place/afrin-174186", EntityKind.PLACE, "Afrin", "174186", 36.51, 36.87, "SY", 36562, "P.PPLA2");
    static final GazetteerEntry KIRKUK = new GazetteerEntry("id/place/kirkuk-94787", EntityKind.PLACE, "Kirkuk", "94787", 35.47, 44.39, "IQ", 601433, "P.PPLA");
    static final GazetteerEntry JONES_VILLAGE = new GazetteerEntry("id/place/jones-1", EntityKind.PLACE, "Jones", "1", 0, 0, "US", 200, "P.PPL");

    static final GazetteerEntry RUSSIA_STATE = GazetteerEntry.actor("id/actor/russia", EntityKind.STATE, "Russia", "RU");
    static final GazetteerEntry SYRIA_STATE = GazetteerEntry.actor("id/actor/syria", EntityKind.STATE, "Syria", "SY");
    static final GazetteerEntry SYRIA_PLACE = new GazetteerEntry("id/place/syria-163843", EntityKind.PLACE, "Syria", "163843", 35, 38, "SY", 0, "A.PCLI");
    static final GazetteerEntry WASHINGTON = new GazetteerEntry("id/place/washington-4140963", EntityKind.PLACE, "Washington", "4140963", 38.9, -77.04, "US", 689545, "P.PPLC");
    static final GazetteerEntry MOSCOW = new GazetteerEntry("id/place/moscow-524901", EntityKind.PLACE, "Moscow", "524901", 55.75, 37.62, "RU", 10381222, "P.PPLC");
    static final GazetteerEntry DAMASCUS = new GazetteerEntry("id/place/damascus-170654", EntityKind.PLACE, "Damascus", "170654", 33.51, 36.29, "SY", 1569394, "P.PPLC");
    static final GazetteerEntry ANKARA = new GazetteerEntry("id/place/ankara-323786", EntityKind.PLACE, "Ankara", "323786", 39.92, 32.85, "TR", 3517182, "P.PPLC");
    static final GazetteerEntry BAGHDAD = new GazetteerEntry("id/place/baghdad-98182", EntityKind.PLACE, "Baghdad", "98182", 33.34, 44.4, "IQ", 5672513, "P.PPLC");
    static final GazetteerEntry ALEPPO = new GazetteerEntry("id/place/aleppo-170063", EntityKind.PLACE, "Aleppo", "170063", 36.2, 37.16, "SY", 1602264, "P.PPLA");

    static final Gazetteer GAZETTEER = new Gazetteer.Builder()
            .add(RUSSIA_STATE, "Russian", Gazetteer.NameForm.DEMONYM)
            .add(SYRIA_STATE, "Syrian", Gazetteer.NameForm.DEMONYM)
            .add(SYRIA_PLACE, "Syria", Gazetteer.NameForm.NAME)
            .add(WASHINGTON, "Washington", Gazetteer.NameForm.NAME)
            .add(MOSCOW, "Moscow", Gazetteer.NameForm.NAME)
            .add(DAMASCUS, "Damascus", Gazetteer.NameForm.NAME)
            .add(ANKARA, "Ankara", Gazetteer.NameForm.NAME)
            .add(BAGHDAD, "Baghdad", Gazetteer.NameForm.NAME)
            .add(ALEPPO, "Aleppo", Gazetteer.NameForm.NAME)
            .metonym(USA_STATE, "Washington")
            .metonym(RUSSIA_STATE, "Moscow")
            .metonym(SYRIA_STATE, "Damascus")
            .metonym(TURKEY_STATE, "Ankara")
            .metonym(IRAQ_STATE, "Baghdad")
            .add(USA_STATE, "United States", Gazetteer.NameForm.NAME)
            .add(USA_STATE, "American", Gazetteer.NameForm.DEMONYM)
            .add(USA_PLACE, "United States", Gazetteer.NameForm.NAME)
            .add(USA_PLACE, "U.S.", Gazetteer.NameForm.ACRONYM)
            .add(TURKEY_STATE, "Turkish", Gazetteer.NameForm.DEMONYM)
            .add(TURKEY_PLACE, "Turkey", Gazetteer.NameForm.NAME)
            .add(IRAQ_STATE, "Iraqi", Gazetteer.NameForm.DEMONYM)
            .add(IRAQ_PLACE, "Iraq", Gazetteer.NameForm.NAME)
            .add(HEZBOLLAH, "Hezbollah", Gazetteer.NameForm.NAME)
            .add(SNA, "Syrian National Army", Gazetteer.NameForm.NAME)
            .add(YPG, "YPG", Gazetteer.NameForm.ACRONYM)
            .add(YPG, "People's Protection Units", Gazetteer.NameForm.NAME)
            .add(ISF, "Iraqi Security Forces", Gazetteer.NameForm.NAME)
            .add(MOSUL, "Mosul", Gazetteer.NameForm.NAME)
            .add(NINEVEH, "Nineveh", Gazetteer.NameForm.NAME)
            .add(AFRIN, "Afrin", Gazetteer.NameForm.NAME)
            .add(KIRKUK, "Kirkuk", Gazetteer.NameForm.NAME)
            .add(JONES_VILLAGE, "Jones", Gazetteer.NameForm.NAME)
            .build();

    static AnalyzedDocument analyze(String text) {
        return Pipeline.standard(GAZETTEER).analyze(org.conflictkg.ingest.DocumentReader.fromText(text, "t.txt"));
    }
}
