package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportedSpeechFinderTest {

    /** Each reported statement as "source | verb | content". */
    private static List<String> reported(String text) {
        AnalyzedDocument a = analyze(text);
        return a.quotations().stream().filter(q -> q.kind() == Quotation.Kind.REPORTED)
                .map(q -> (q.source() == null ? "-" : q.source().of(a.text())) + " | " + q.reportingVerb() + " | " + q.text(a.text()))
                .toList();
    }

    @Test
    void saidThatAndSaidWithoutThat() {
        assertEquals(List.of("The YPG | say | its fighters had left the town"), reported("The YPG said that its fighters had left the town."));
        assertEquals(List.of("Omar Khalil | say | the convoy would arrive on Friday"),
                reported("Omar Khalil, a spokesman for the Syrian National Army, said the convoy would arrive on Friday."));
    }

    @Test
    void toldNamesWhoWasToldAndSkipsIt() {
        assertEquals(List.of("He | tell | the roads were mined"), reported("He told reporters in Mosul that the roads were mined."));
        assertEquals(List.of("She | tell | the talks would resume next week"), reported("She told Hezbollah the talks would resume next week."));
    }

    @Test
    void theAttributionAfterTheClause() {
        assertEquals(List.of("a local commander | say | The rebels pushed into the town"),
                reported("The rebels pushed into the town, a local commander said."));
        assertEquals(List.of("the governor | say | Three villages were shelled overnight"),
                reported("Three villages were shelled overnight, said the governor."));
        assertEquals(List.of("the ministry | say | Forty targets were hit"),
                reported("Forty targets were hit, the ministry said in a statement."));
    }

    @Test
    void accordingTo() {
        assertEquals(List.of("the Iraqi Security Forces | say | at least 12 people died in the strikes"),
                reported("According to the Iraqi Security Forces, at least 12 people died in the strikes."));
        assertEquals(List.of("local officials | say | Twelve people died in the strikes"),
                reported("Twelve people died in the strikes, according to local officials."));
    }

    @Test
    void anObjectOfAVerbOfSpeechIsWhatWasSaid() {
        assertEquals(List.of("She | note | the figures in her report"), reported("She noted the figures in her report."));
        assertEquals(List.of("The YPG | urge | residents to leave the town before dark"),
                reported("The YPG urged residents to leave the town before dark."));
    }

    @Test
    void aParticipleOfSpeechStartsAReportOfItsOwn() {
        assertEquals(List.of("The YPG | say | its fighters had left the town", "YPG | add | the road was open again"),
                reported("The YPG said its fighters had left the town, adding that the road was open again."));
    }

    @Test
    void whatWasNotDisclosedIsAStatementToo() {
        assertEquals(List.of("He | disclose | how many fighters had been sent"), reported("He did not disclose how many fighters had been sent."));
    }

    @Test
    void twoSpeakersInOneSentenceEachGetTheirOwnClause() {
        assertEquals(List.of("Turkey | say | its jets had hit militant positions", "the YPG | say | the strikes had killed civilians"),
                reported("Turkey said its jets had hit militant positions, while the YPG said the strikes had killed civilians."));
    }

    @Test
    void notSpeech() {
        // A verb of speech with no clause, no speaker, a quotation that is direct, no verb of speech at all.
        assertEquals(List.of(), reported("The deal was said to be close."));
        assertEquals(List.of(), reported("Officials who said nothing left early."));
        assertEquals(List.of(), reported("He said nothing about the convoy."));
        assertEquals(List.of(), reported("He said: \"We are ready for anything.\""));
        assertEquals(List.of(), reported("The fighting continued on Monday in the north."));
    }

    @Test
    void aSecondVerbOfSpeechOfTheSameSubjectEndsTheFirstReport() {
        List<String> r = reported("The governor noted that the bridge had been repaired, and added that the road was still closed.");
        assertEquals("The governor | note | the bridge had been repaired", r.get(0), r.toString());
    }
}
