package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.StageFixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotationFinderTest {

    private static List<Quotation> direct(AnalyzedDocument a) {
        return a.quotations().stream().filter(q -> q.kind() == Quotation.Kind.DIRECT).toList();
    }

    private static List<String> texts(AnalyzedDocument a) {
        return direct(a).stream().map(q -> q.text(a.text())).toList();
    }

    private static String source(AnalyzedDocument a, Quotation q) {
        return q.source() == null ? null : q.source().of(a.text());
    }

    @Test
    void straightAndCurlyQuotesAndGuillemetsAllMakeQuotations() {
        AnalyzedDocument a = analyze("\"The bridge is down,\" he said.\n\n“We hold the hill,” she said.\n\n«Send the trucks,» he said.");
        assertEquals(List.of("The bridge is down", "We hold the hill", "Send the trucks"), texts(a));
        assertTrue(direct(a).stream().allMatch(q -> q.cue() != null && q.source() != null));
    }

    @Test
    void aCurlyMarkTypedTheWrongWayRoundStillPairs() {
        AnalyzedDocument a = analyze("”We are leaving the town today,” the commander said.");
        assertEquals(List.of("We are leaving the town today"), texts(a));
    }

    @Test
    void aQuotationSplitByItsAttributionIsOneQuotationInTwoParts() {
        AnalyzedDocument a = analyze("\"The convoy left at dawn,\" Omar Khalil, a spokesman for the Syrian National Army, said. \"It reached Afrin by noon.\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size());
        assertEquals(2, q.get(0).parts().size());
        assertEquals("The convoy left at dawn It reached Afrin by noon.", q.get(0).text(a.text()));
        assertEquals("Omar Khalil", source(a, q.get(0)));
        assertEquals("say", q.get(0).reportingVerb());
    }

    @Test
    void twoQuotationsEachWithItsOwnAttributionStayTwo() {
        AnalyzedDocument a = analyze("\"We are ready,\" he said. \"The others are not,\" he added, \"and they know it.\"");
        assertEquals(List.of("We are ready", "The others are not and they know it."), texts(a));
        assertEquals("add", direct(a).get(1).reportingVerb());
    }

    @Test
    void aQuotationRunsOnIntoTheNextParagraphThatOpensWithAMark() {
        AnalyzedDocument a = analyze("He said: \"The first week was the hardest of my life.\n\n\"Then the shelling stopped and we could sleep.\"\n\nThe town is quiet now.");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size());
        assertEquals(2, q.get(0).parts().size());
        assertEquals("The first week was the hardest of my life. Then the shelling stopped and we could sleep.", q.get(0).text(a.text()));
    }

    @Test
    void anUnbalancedMarkEndsWithItsParagraph() {
        AnalyzedDocument a = analyze("A resident said \"the water ran out on Friday\n\nThe next paragraph is not quoted at all, and must stay out.");
        assertEquals(List.of("the water ran out on Friday"), texts(a));
    }

    @Test
    void scareQuotesAndNamesAreNotQuotations() {
        AnalyzedDocument a = analyze("Aircraft kept apart along the so-called \"deconfliction line\" over the river. "
                + "The channel, known as the \"hotline,\" was busy. The film \"Black Hawk Down\" was shown. "
                + "The \"ceasefire\" lasted a day.");
        assertEquals(List.of(), texts(a));
    }

    @Test
    void wordsQuotedInsideReportedSpeechBelongToThatStatement() {
        AnalyzedDocument a = analyze("Omar Khalil, a spokesman for the Syrian National Army, said the offer was \"a trap.\"");
        assertEquals(List.of(), texts(a));
        List<Quotation> reported = a.quotations().stream().filter(q -> q.kind() == Quotation.Kind.REPORTED).toList();
        assertEquals(1, reported.size());
        assertEquals("the offer was \"a trap.\"", reported.get(0).text(a.text()));
    }

    @Test
    void bracketedInsertionsAndEllipsesStayInsideTheQuotation() {
        AnalyzedDocument a = analyze("\"[Turkish] forces crossed the border ... and took three villages,\" he said.");
        assertEquals(List.of("[Turkish] forces crossed the border ... and took three villages"), texts(a));
    }

    @Test
    void singleQuotesCountInACaptionButApostrophesDoNot() {
        AnalyzedDocument a = analyze("Omar Khalil: 'We won't leave Afrin'\n\nThe fighters' families stayed in the town's old quarter, a resident's brother said on Monday.");
        assertEquals(List.of("We won't leave Afrin"), texts(a));
        assertEquals("Omar Khalil", source(a, direct(a).get(0)));
    }

    @Test
    void attributionsBeforeTheQuotation() {
        AnalyzedDocument a = analyze("The mayor of Mosul told reporters: \"We need water.\"\n\nAccording to the governor, \"the dam is safe.\"\n\nThe YPG warned on Twitter: \"We will respond.\"");
        List<Quotation> q = direct(a);
        assertEquals(3, q.size());
        assertEquals("The mayor of Mosul", source(a, q.get(0)));
        assertEquals("tell", q.get(0).reportingVerb());
        assertEquals("the governor", source(a, q.get(1)));
        assertEquals("The YPG", source(a, q.get(2)));
        assertEquals("warn", q.get(2).reportingVerb());
    }

    @Test
    void aQuotationWithNoAttributionNearItHasNoSource() {
        AnalyzedDocument a = analyze("The road was cut.\n\n\"Nobody could get through for days.\"");
        assertEquals(1, direct(a).size());
        assertNull(direct(a).get(0).source());
        assertNull(direct(a).get(0).cue());
    }

    @Test
    void aNameAfterADashSignsTheQuotation() {
        AnalyzedDocument a = analyze("\u201cThe town will be rebuilt, house by house.\u201d \u2015 Omar Khalil\n\u201cWe are tired of waiting for help.\u201d \u2014 Amira Jones");
        assertEquals(List.of("Omar Khalil", "Amira Jones"), direct(a).stream().map(q -> source(a, q)).toList());
    }

    @Test
    void twoApostrophesAreOneDoubleMark() {
        AnalyzedDocument a = analyze("''The front line has not moved in a week,'' said Amira Jones.");
        assertEquals(List.of("The front line has not moved in a week"), texts(a));
        assertEquals("Amira Jones", source(a, direct(a).get(0)));
    }

    @Test
    void aParagraphEndingWithAColonAttributesTheQuotationThatOpensTheNext() {
        AnalyzedDocument a = analyze("The governor of Nineveh said:\n\n\"The dam is safe and the engineers are on site.\"");
        assertEquals("The governor of Nineveh", source(a, direct(a).get(0)));
    }

    @Test
    void theAttributionMayCloseTheSentenceTheQuotationOpens() {
        AnalyzedDocument a = analyze("\"We will hold the bridge\" until the reinforcements arrive, the commander said.");
        assertEquals("the commander", source(a, direct(a).get(0)));
    }

    @Test
    void aParticipleOfSpeechBeforeTheQuotationGivesTheSentencesSubject() {
        AnalyzedDocument a = analyze("Hezbollah rejected the plan on Monday, saying: \"The border is not for sale.\"");
        assertEquals("Hezbollah", source(a, direct(a).get(0)));
    }

    @Test
    void aRelativePronounSpeaksForTheNounBeforeIt() {
        AnalyzedDocument a = analyze("The report by the Iraqi Security Forces, which notes, \"Most of the roads are mined,\" was published.");
        assertEquals("The report by the Iraqi Security Forces", source(a, direct(a).get(0)));
    }

    @Test
    void wordsQuotedAfterThatAreTheContentOfAReport() {
        AnalyzedDocument a = analyze("Amira Jones added that \"the convoy will not wait for anyone.\"");
        assertEquals(List.of(), texts(a));
        assertEquals(Quotation.Kind.REPORTED, a.quotations().get(0).kind());
    }

    @Test
    void aQuotedParagraphAfterAnAttributedQuotationContinuesIt() {
        AnalyzedDocument a = analyze("\"The first convoy got through,\" Amira Jones said.\n\n\"The second one was turned back at the border and has not tried again.\"\n\nThe road is closed.");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size());
        assertEquals(2, q.get(0).parts().size());
        assertEquals("Amira Jones", source(a, q.get(0)));
    }

    @Test
    void aQuotedSentenceEndingWithAPeriodTakesNoAttributionFromTheNextSentence() {
        AnalyzedDocument a = analyze("Amira Jones spoke first. \"The road to the north is open again.\" Omar Khalil said nothing.");
        Quotation q = direct(a).get(0);
        assertNull(q.source());
    }

    @Test
    void aSentenceOfOnlySubjectAndVerbAfterAQuotedSentenceAttributesIt() {
        AnalyzedDocument a = analyze("\"The road to the north is open again.\" Amira Jones said on Tuesday.");
        assertEquals("Amira Jones", source(a, direct(a).get(0)));
    }

    @Test
    void aQuotedPhraseInsideTheArticlesSentenceBelongsToTheReportThatEndsIt() {
        AnalyzedDocument a = analyze("The siege is a \"slow death for the town,\" Amira Jones said.");
        assertEquals(List.of(), texts(a));
        Quotation reported = a.quotations().get(0);
        assertEquals(Quotation.Kind.REPORTED, reported.kind());
        assertEquals("The siege is a \"slow death for the town", reported.text(a.text()));
        assertEquals("Amira Jones", source(a, reported));
    }

    @Test
    void aQuotationOverThreeParagraphsIsOneAndTakesTheSpeakerOfTheColonBeforeIt() {
        AnalyzedDocument a = analyze("The governor spoke after the vote.\n\nDr. Jane Roe stated:\n\n"
                + "\"The ministry isn’t about “equal justice” anymore. It is about control.\n\n"
                + "\"The latest example is the siege of the northern towns.\n\n"
                + "\"The answer is not more troops, but talks.\"\n\nThe council meets on Monday.");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), texts(a).toString());
        assertEquals(3, q.get(0).parts().size());
        assertEquals("Dr. Jane Roe", source(a, q.get(0)));
    }

    @Test
    void marksOfTheOtherStyleInsideAQuotedParagraphAreAQuotationInside() {
        AnalyzedDocument a = analyze("\"They call it a “humanitarian corridor” but nobody can use it,\" the mayor said.");
        assertEquals(List.of("They call it a “humanitarian corridor” but nobody can use it"), texts(a));
        assertEquals("the mayor", source(a, direct(a).get(0)));
    }

    @Test
    void aClauseClosedByAColonIntroducesTheQuotationWhateverItsVerb() {
        AnalyzedDocument a = analyze("Colonel Omar Khalil, the brigade's commander, spoke to reporters.\n\n"
                + "In a speech on Sunday, Khalil went even further: “We will not leave this valley.”");
        assertEquals("Khalil", source(a, direct(a).get(0)));

        AnalyzedDocument b = analyze("Jane Roe took questions for an hour. She then addressed the crowd again: “Go home and vote.”");
        assertEquals("She", source(b, direct(b).get(0)));
    }

    @Test
    void aColonAfterAClauseWithoutASubjectAttributesNothing() {
        AnalyzedDocument a = analyze("The statement in full: “The convoy will cross at dawn and return by night.”");
        assertNull(direct(a).get(0).source());
    }

    @Test
    void aSpeakerWithoutANameAfterTheVerbIsStillTheSpeaker() {
        AnalyzedDocument a = analyze("“The army has not paid us in months,” said the second official.");
        assertEquals("the second official", source(a, direct(a).get(0)));
    }

    @Test
    void aRoleWrittenBeforeANameInLowerCaseIsPartOfTheSubject() {
        AnalyzedDocument a = analyze("\"Our friends no longer trust us,\" former Florida governor Jane Roe said.");
        assertEquals("former Florida governor Jane Roe", source(a, direct(a).get(0)));
    }

    @Test
    void aDoubleMarkOfTwoApostrophesAfterASingleOneClosesAfterIt() {
        AnalyzedDocument a = analyze("''Voters will not be satisfied with 'we will bomb them,''' said Senator Jane Roe of Ohio.");
        Quotation q = direct(a).get(0);
        assertEquals("Voters will not be satisfied with 'we will bomb them,'", q.text(a.text()));
        assertEquals("Senator Jane Roe", source(a, q));
    }

    @Test
    void aClosingMarkTypedAfterASpaceStillCloses() {
        AnalyzedDocument a = analyze("\"I think it is a disgrace that he is doing this, \" Jane Roe said.");
        Quotation q = direct(a).get(0);
        assertEquals("I think it is a disgrace that he is doing this", q.text(a.text()));
        assertEquals("Jane Roe", source(a, q));
    }

    @Test
    void aQuotedPhraseTheSentenceGoesOnAfterIsNotAQuotationOfItsOwn() {
        AnalyzedDocument a = analyze("The commander declared \"a total defeat\" for the militia after the battle.\n\n"
                + "The governor called the offer \"a trap\" and left.");
        assertEquals(List.of(), texts(a));
    }

    @Test
    void aQuotedPhraseAfterAWordThatIsNotItsCueIsNotAQuotationOfItsOwn() {
        AnalyzedDocument a = analyze("The ministry dismissed the whole report as \"absurd and baseless.\"\n\n"
                + "The spokesman said \"We hold the bridge.\"");
        assertEquals(List.of("We hold the bridge."), texts(a), "a cue right before the mark still opens a quotation");
    }

    @Test
    void aSecondQuotationAfterAClauseOfItsOwnIsNotJoinedToTheFirst() {
        AnalyzedDocument a = analyze("\"The town is not new to shelling,\" said Jane Roe, a local official, adding that \"we have lived with it for years.\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), texts(a).toString());
        assertEquals(List.of("The town is not new to shelling"), texts(a));
        assertEquals("Jane Roe", source(a, q.get(0)));
    }

    @Test
    void aParagraphLeftOpenDoesNotRunIntoAParagraphWhoseQuotationHasItsOwnAttribution() {
        AnalyzedDocument a = analyze("\"The first week was the hardest,\" Jane Roe said. \"Then the shelling stopped.\n\n"
                + "\"Now there is another fear,\" Jane Roe said. \"The wells are dry.\"");
        assertEquals(List.of("The first week was the hardest Then the shelling stopped.", "Now there is another fear The wells are dry."), texts(a));
    }

    @Test
    void aParticipleOrASecondVerbOfTheSubjectBeforeTheQuotationGivesANameTheGazetteerLacks() {
        AnalyzedDocument a = analyze("Huma Roe wrote to the volunteers on Monday, telling them, \"The clinic stays open all night.\"\n\n"
                + "Hayek confirmed the attack and said, \"Three shells hit the market before noon.\"\n\n"
                + "Yesterday the council met and said, \"The roads are closed.\"");
        List<Quotation> q = direct(a);
        assertEquals(List.of("The clinic stays open all night.", "Three shells hit the market before noon."), texts(a),
                "a capitalised adverb opening the sentence is no one's name, so the last quotation has no speaker to stand by");
        assertEquals("Huma Roe", source(a, q.get(0)));
        assertEquals("Hayek", source(a, q.get(1)));
    }

    @Test
    void theAndALowerCaseNounBeforeAVerbIsTheSubjectASecondVerbOfSpeechSpeaksFor() {
        AnalyzedDocument a = analyze("The spokesman refused to give numbers, adding: \"We will answer when the count is done.\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), texts(a).toString());
        assertEquals("The spokesman", source(a, q.get(0)));
    }

    @Test
    void aLeadingPhraseIsNotTheSubjectAParticipleSpeaksFor() {
        AnalyzedDocument a = analyze("Hours later, Jane Roe answered the governor, telling reporters, \"We have been friends for years.\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), texts(a).toString());
        assertEquals("Jane Roe", source(a, q.get(0)));
    }

    @Test
    void moreShapesOfAnAttributionBeforeTheQuotation() {
        AnalyzedDocument a = analyze("Jane Roe wrote to her 20,000 followers, \"The road to the dam is open again.\"\n\n"
                + "The governor deflected every question before saying, \"We will rebuild the market.\"\n\n"
                + "Or, as Omar Khalil, a spokesman for the council, put it: \"The shelling never stops for long.\"");
        List<Quotation> q = direct(a);
        assertEquals(3, q.size(), texts(a).toString());
        assertEquals("Jane Roe", source(a, q.get(0)));
        assertEquals("The governor", source(a, q.get(1)));
        assertEquals("Omar Khalil", source(a, q.get(2)));
    }

    @Test
    void aPersonTheGazetteerKnowsOnlyAsATownStillSpeaks() {
        // Clinton is a town in several countries of the gazetteer as well as a surname.
        AnalyzedDocument a = analyze("Clinton seemed ready to joke about it, telling the crowd, \"Some people get carried away, have you noticed?\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), texts(a).toString());
        assertEquals("Clinton", source(a, q.get(0)));
    }

    @Test
    void aRetortWithAParticleIsAnAttribution() {
        AnalyzedDocument a = analyze("\"You were not there that night,\" the mayor shot back.");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), texts(a).toString());
        assertEquals("the mayor", source(a, q.get(0)));
        assertEquals("shoot back", q.get(0).reportingVerb());
    }

    @Test
    void anUnattributedQuotationAfterAnAttributedOneInItsParagraphGoesOnItsWords() {
        AnalyzedDocument a = analyze("\"Prices are up a little,\" said Omar Khalil, who noted that bread had doubled in a year. "
                + "\"Things are moving, but slowly.\"\n\n"
                + "\"The checkpoint is closed,\" said Omar Khalil. Jane Roe, a nurse, disagreed. \"It opened at noon for the trucks.\"");
        List<Quotation> q = direct(a);
        assertEquals("Prices are up a little Things are moving, but slowly.", q.get(0).text(a.text()));
        assertEquals(List.of("Prices are up a little Things are moving, but slowly.", "The checkpoint is closed", "It opened at noon for the trucks."), texts(a),
                "another actor named between them keeps the second quotation apart");
    }

    @Test
    void aQuotationLeftOpenWithoutASpeakerTakesTheAttributionOfItsLastParagraph() {
        AnalyzedDocument a = analyze("\"The road is open for now.\n\n\"But nobody knows for how long,\" said Omar Haddad, a driver.");
        List<Quotation> q = direct(a);
        assertEquals(List.of("The road is open for now. But nobody knows for how long"), texts(a));
        assertEquals("Omar Haddad", source(a, q.get(0)));
    }

    @Test
    void quotedWordsCarryingOnAPhraseBeforeTheAttributionAreOneMixedStatement() {
        AnalyzedDocument a = analyze("An economic downturn, the minister said, \"could be a good time to borrow.\"\n\n"
                + "In the south, the minister said, \"The roads are open again.\"");
        List<Quotation> reported = a.quotations().stream().filter(q -> q.kind() == Quotation.Kind.REPORTED).toList();
        assertEquals(1, reported.size(), a.quotations().toString());
        assertEquals("An economic downturn could be a good time to borrow.", reported.get(0).text(a.text()));
        assertEquals("the minister", reported.get(0).source().of(a.text()));
        assertEquals(List.of("The roads are open again."), texts(a), "quoted words opening with a capital stand on their own");
    }

    @Test
    void anAttributionNamingAnotherActorInItsOwnSentenceStillJoinsTheQuotationAfterIt() {
        AnalyzedDocument a = analyze("\"The road to Afrin is open,\" said Omar Khalil, an adviser to the Syrian National Army. "
                + "\"Trucks can pass again by night.\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size(), "the army is the speaker's affiliation, not a second speaker");
        assertEquals(2, q.get(0).parts().size());
        assertEquals("Omar Khalil", source(a, q.get(0)));
    }

    @Test
    void aLaterSentenceNamingAnotherActorKeepsTheQuotationAfterItApart() {
        AnalyzedDocument a = analyze("\"The road to Afrin is open,\" said Omar Khalil. Hezbollah rejected that account. "
                + "\"Trucks cannot pass by night.\"");
        assertEquals(2, direct(a).size());
        assertNull(direct(a).get(1).source());
    }

    @Test
    void anAdverbBetweenSpeakerAndVerbStillAttributes() {
        AnalyzedDocument a = analyze("\"It is not the money,\" he often says. \"It is the people who stay.\"");
        List<Quotation> q = direct(a);
        assertEquals(1, q.size());
        assertEquals("he", source(a, q.get(0)));
        assertEquals(2, q.get(0).parts().size());
    }

    @Test
    void aRoleAndItsOrganisationBetweenCommasIsTheSpeakersAppositive() {
        AnalyzedDocument a = analyze("Jane Roe, president of the Riverside Farmers Union, said, \"We will plant again when the water comes back.\"");
        assertEquals("Jane Roe", source(a, direct(a).get(0)));
    }

    @Test
    void aVerbCoordinatedWithTheSubjectsFirstVerbSpeaksForTheSubject() {
        AnalyzedDocument a = analyze("Omar Khalil walked out of the meeting and later said, \"Nobody asked us what we wanted.\"");
        assertEquals("Omar Khalil", source(a, direct(a).get(0)));
    }

    @Test
    void aQuotationRightAfterAVerbOfSpeechIsKeptEvenWhenItsSpeakerCannotBeNamed() {
        AnalyzedDocument a = analyze("Those who stayed said, \"The water ran out on the third day.\"");
        List<Quotation> q = direct(a);
        assertEquals(List.of("The water ran out on the third day."), texts(a));
        assertNull(q.get(0).source(), "no speaker is guessed");
    }

    @Test
    void aOneWordAnswerInCapitalsIsAQuotationWhenSomeoneSaysIt() {
        AnalyzedDocument a = analyze("Asked whether he would leave, the mayor said, \"Probably.\"\n\n\"Absolutely,\" she said when asked again.");
        assertEquals(List.of("Probably.", "Absolutely"), texts(a));
        AnalyzedDocument title = analyze("He appeared on \"Meet The Press\" on Sunday.");
        assertTrue(direct(title).isEmpty(), "a title with no one saying it stays no quotation");
        AnalyzedDocument book = analyze("He paid $8 million for it, according to his book \"The Art Of Winning.\"");
        assertTrue(direct(book).isEmpty(), "a title closing its sentence is no answer");
    }

    @Test
    void anUtteranceClosedByItsOwnMarkIsAQuotationEvenWhereTheSentenceGoesOn() {
        AnalyzedDocument a = analyze("As the convoy passed, the crowd chanted, \"Free the prisoners!\" as they had all week.");
        assertEquals(List.of("Free the prisoners!"), texts(a));
        assertEquals("the crowd", source(a, direct(a).get(0)));
        AnalyzedDocument phrase = analyze("The minister declared \"a total defeat\" for the militia.");
        assertTrue(direct(phrase).isEmpty(), "a phrase of the article's sentence is still no quotation");
    }

    @Test
    void aVerbOfMannerAttributesAndATimeMayFollowAnUnlistedVerb() {
        AnalyzedDocument a = analyze("\"This is fantastic!\" beamed Omar Khalil, who had waited all night.\n\n"
                + "\"They could have asked the farmers first,\" Jane Roe grizzled on Tuesday. \"They never do.\"");
        List<Quotation> q = direct(a);
        assertEquals(2, q.size());
        assertEquals("Omar Khalil", source(a, q.get(0)));
        assertEquals("beam", q.get(0).reportingVerb());
        assertEquals("Jane Roe", source(a, q.get(1)), "a past tense closing the sentence after a time still attributes");
        assertEquals(2, q.get(1).parts().size(), "the next quotation goes on the same speaker's words");
    }

    @Test
    void marksTypedWithStraySpacesStillPairInTheirParagraph() {
        AnalyzedDocument a = analyze("“The wells are dry,” Jane Roe said. “ You can see it from the road.”\n\n"
                + "\"I never liked the term 'safe zone,' \" he told the group.\n\nThe group left at dawn, \"before the heat.\"");
        List<Quotation> q = direct(a);
        assertEquals(2, q.size(), "the stray close ends its quotation: nothing runs on into the next paragraph");
        assertEquals("The wells are dry You can see it from the road.", q.get(0).text(a.text()));
        assertEquals("he", source(a, q.get(1)));
        assertEquals("I never liked the term 'safe zone,'", q.get(1).text(a.text()));
    }

    @Test
    void aQuotationInParenthesesWithItsAttributionIsAQuotation() {
        AnalyzedDocument a = analyze("The council agreed to reopen the school. (\"We have waited long enough,\" the mayor said.) Classes begin in May.");
        assertEquals(List.of("We have waited long enough"), texts(a));
        assertEquals("the mayor", source(a, direct(a).get(0)));
    }

    @Test
    void aSpeakerAfterTheVerbMayCarryARelativeClauseOrAFigure() {
        AnalyzedDocument a = analyze("\"After we came here, we saw it was all lies,\" said one owner of a shop that sells shoes who declined to be named.\n\n"
                + "\"They care about two things,\" Fight for $15 organizer Jane Roe told reporters.\n\n"
                + "\"The analysts all said no,\" remembered Omar Khalil, the former spokesman.");
        List<Quotation> q = direct(a);
        assertEquals(3, q.size());
        assertEquals("one owner of a shop", source(a, q.get(0)), "the relative clause is not part of the name");
        assertEquals("Fight for $15 organizer Jane Roe", source(a, q.get(1)));
        assertEquals("remember", q.get(2).reportingVerb());
    }

    @Test
    void speakersWithRolesPlacesAndPartiesAroundTheirNames() {
        AnalyzedDocument a = analyze("''The bridge must reopen,'' former Gov. Jane Roe of Ohio said on Twitter.\n\n"
                + "Critics piled on. The veteran radio host Omar Khalil went so far as to say: ''The deal is dead.''\n\n"
                + "Rep. John Doe (D-Ohio) reacted to the news, saying: \"The families deserve answers now.\"\n\n"
                + "\"It was his first attempt,\" said his best friend at college, Sam Poe.\n\n"
                + "\"Our method works where others fail,\" Ann Lee is quoted as saying.");
        List<Quotation> q = direct(a);
        assertEquals(List.of("former Gov. Jane Roe of Ohio", "The veteran radio host Omar Khalil", "Rep. John Doe",
                "his best friend at college", "Ann Lee"), q.stream().map(x -> source(a, x)).toList());
    }

    @Test
    void aQuotationAfterAddingIsASecondStatementOfTheSameSpeaker() {
        AnalyzedDocument a = analyze("\"The water is poisoned,\" Jane Roe said, adding, \"If a rich suburb had been drinking it, there would have been action.\"");
        List<Quotation> q = direct(a);
        assertEquals(List.of("The water is poisoned", "If a rich suburb had been drinking it, there would have been action."), texts(a));
        assertEquals("Jane Roe", source(a, q.get(1)), "the participle's subject is the speaker of the sentence");
        assertEquals("add", q.get(1).reportingVerb());
    }

    @Test
    void anInvertedSaidOpeningTheSentenceNamesItsSpeaker() {
        AnalyzedDocument a = analyze("Many came to the museum. Said Jane Roe, who grew up with him, \"We were all so proud of him.\"");
        assertEquals(List.of("We were all so proud of him."), texts(a));
        assertEquals("Jane Roe", source(a, direct(a).get(0)));
        assertEquals("say", direct(a).get(0).reportingVerb());
    }

    @Test
    void aPrepositionBeforeTheSubjectOfAParticipleIsNotPartOfIt() {
        AnalyzedDocument a = analyze("The meeting ended badly, with Omar Khalil reportedly yelling: \"Get him out of here!\"");
        assertEquals("Omar Khalil", source(a, direct(a).get(0)));
    }

    @Test
    void wordsOpeningInLowerCaseAfterTheArticlesOwnWordsAreAPartialQuotationNotADirectOne() {
        AnalyzedDocument a = analyze("She said the inspectors' findings \"were not good.\" He called the shelling \"an evil, hateful act.\"\n\n"
                + "The mayor said, \"we will rebuild the market by spring.\"");
        assertEquals(List.of("we will rebuild the market by spring."), texts(a),
                "only the quotation handed over by its cue and comma is direct");
        AnalyzedDocument noun = analyze("She said the inspectors' report \"was not good.\"");
        assertTrue(direct(noun).isEmpty(), "'report' here is a noun, not a verb handing words over");
    }
}
