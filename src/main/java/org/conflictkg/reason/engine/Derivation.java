package org.conflictkg.reason.engine;

import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Rule;

import java.util.List;
import java.util.Objects;

/**
 * One application of a rule: the ground body triples it matched, in the order the rule writes
 * them, and the ground head triples it concludes. Two derivations are equal when they apply the
 * same rule to the same premises.
 *
 * @param rule the rule applied
 * @param premises the body triples as matched, in body order (builtins are not premises)
 * @param conclusions the head triples, in head order
 */
public record Derivation(Rule rule, List<Triple> premises, List<Triple> conclusions) {

    public Derivation {
        Objects.requireNonNull(rule, "rule");
        premises = List.copyOf(premises);
        conclusions = List.copyOf(conclusions);
        if (premises.isEmpty()) {
            throw new IllegalArgumentException("rule " + rule.getName() + ": a derivation needs at least one premise");
        }
    }

    @Override
    public boolean equals(Object o) {
        // Rules are compared by label: Jena's Rule equality compares clauses, which is slower
        // and would make two identically written rules one.
        return o instanceof Derivation d && d.rule.getName().equals(rule.getName()) && d.premises.equals(premises);
    }

    @Override
    public int hashCode() {
        return 31 * rule.getName().hashCode() + premises.hashCode();
    }
}
