package org.conflictkg.reason;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetTest {

    private static final String PREFIX = "@prefix ex: <http://example.org/>.\n";

    private static String refusal(String rules) {
        return assertThrows(IllegalArgumentException.class, () -> RuleSet.parse(PREFIX + rules, "test.rules")).getMessage();
    }

    @Test
    void theProjectRulesParseWithUniqueLabels() {
        RuleSet rules = RuleSet.standard();
        assertTrue(rules.rules().size() >= 14, rules.toString());
        assertTrue(rules.rule("speaksFor-chain") != null);
        assertEquals(64, rules.hash().length());
        assertEquals("https://w3id.org/conflict-kg/rules#speaksFor-chain", RuleSet.iri(rules.rule("speaksFor-chain")).getURI());
    }

    @Test
    void theHashChangesWithTheText() {
        String a = PREFIX + "[r: (?a ex:p ?b) -> (?b ex:p ?a)]";
        assertNotEquals(RuleSet.parse(a, "a").hash(), RuleSet.parse(a + "\n[s: (?a ex:q ?b) -> (?b ex:q ?a)]", "a").hash());
    }

    @Test
    void rulesThatCannotBeMaterializedIncrementallyAreRefusedByName() {
        assertTrue(refusal("[(?a ex:p ?b) -> (?b ex:p ?a)]").contains("no label"));
        assertTrue(refusal("[r: (?a ex:p ?b) -> (?b ex:p ?a)] [r: (?a ex:q ?b) -> (?b ex:q ?a)]").contains("'r' is labelled twice"));
        assertTrue(refusal("[back: (?b ex:p ?a) <- (?a ex:p ?b)]").contains("backward"));
        assertTrue(refusal("[anyp: (?a ?p ?b) -> (?b ?p ?a)]").contains("must name its predicate"));
        assertTrue(refusal("[neg: (?a ex:p ?b) noValue(?b ex:p ?a) -> (?b ex:q ?a)]").contains("not monotonic"));
        assertTrue(refusal("[free: (?a ex:p ?b) -> (?a ex:q ?c)]").contains("head variable ?c"));
        assertTrue(refusal("[act: (?a ex:p ?b) -> print(?a)]").contains("only triples"));
        assertTrue(refusal("[nobody: notEqual(?a, ?b) -> (?a ex:q ?b)]").contains("no triple in its body"));
        assertTrue(refusal("[bad label: (?a ex:p ?b) -> (?b ex:p ?a)").contains("test.rules"));
    }
}
