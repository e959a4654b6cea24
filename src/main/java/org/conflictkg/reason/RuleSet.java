package org.conflictkg.reason;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.Builtin;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;
import org.conflictkg.store.ReferenceData;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward rules in Jena's rule syntax, checked to be fit for incremental materialization.
 *
 * <p>Contract: every rule is a forward rule with a unique label; its body is triple patterns
 * that each name their predicate, plus builtins that are monotonic and have no side effects; its
 * head is triple patterns whose variables the body binds. Together these make the rules
 * monotonic and finite: adding facts can only add conclusions, and no new resources are minted,
 * so reasoning over the new facts joined with a store already closed under the rules gives the
 * same closure as reasoning over everything.
 *
 * <p>Failure path: {@link #parse} throws {@link IllegalArgumentException} naming the source, the
 * rule and what is wrong with it; nothing is partially accepted.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.parse("@prefix ex: <http://example.org/>.\n[sym: (?a ex:near ?b) -> (?b ex:near ?a)]", "inline");
 * }</pre>
 */
public final class RuleSet {

    /** Where the project's rules live in the jar (and in the source tree, as {@code ontology/rules.rules}). */
    public static final String RESOURCE = "ontology/rules.rules";
    /** The namespace of rule IRIs: a rule labelled {@code x} is {@code <NS x>}. */
    public static final String NS = "https://w3id.org/conflict-kg/rules#";

    static {
        // Builtins are found by name when rules are parsed, so the project's own come first.
        org.apache.jena.reasoner.rulesys.BuiltinRegistry.theRegistry.register(new BroaderFeature());
    }

    private final List<Rule> rules;
    private final Map<String, Rule> byName;
    private final String text;
    private final String hash;

    private RuleSet(List<Rule> rules, String text) {
        this.rules = List.copyOf(rules);
        Map<String, Rule> m = new LinkedHashMap<>();
        rules.forEach(r -> m.put(r.getName(), r));
        this.byName = m;
        this.text = text;
        this.hash = sha256(text);
    }

    /** The project's rules, {@code ontology/rules.rules} as shipped in the jar. */
    public static RuleSet standard() {
        String text = ReferenceData.resource(RESOURCE);
        if (text == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the build");
        }
        return parse(text, RESOURCE);
    }

    /**
     * Parses and checks rules.
     *
     * @param source names the text in error messages (a file name)
     * @throws IllegalArgumentException when a rule does not parse or breaks the contract
     */
    public static RuleSet parse(String text, String source) {
        List<Rule> parsed;
        try {
            parsed = Rule.parseRules(Rule.rulesParserFromReader(new BufferedReader(new StringReader(text))));
        } catch (Rule.ParserException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException(source + ": no rules");
        }
        Set<String> names = new HashSet<>();
        for (Rule r : parsed) {
            String name = r.getName();
            String where = source + ": rule " + (name == null ? r.toShortString() : "'" + name + "'");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(where + " has no label; provenance names each rule by its label");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + " is labelled twice");
            }
            if (!isValidLabel(name)) {
                throw new IllegalArgumentException(where + ": a label may hold only letters, digits, '-', '_' and '.'");
            }
            if (r.isBackward()) {
                throw new IllegalArgumentException(where + " is a backward rule (<-); only forward rules (->) are materialized");
            }
            check(r, where);
        }
        return new RuleSet(parsed, text);
    }

    private static void check(Rule r, String where) {
        Set<Node> bound = new HashSet<>();
        int patterns = 0;
        for (ClauseEntry c : r.getBody()) {
            if (c instanceof TriplePattern tp) {
                patterns++;
                if (tp.getPredicate().isVariable()) {
                    throw new IllegalArgumentException(where + ": body triple " + tp
                            + " must name its predicate (the store also holds provenance records no rule may read)");
                }
                for (Node n : new Node[] {tp.getSubject(), tp.getPredicate(), tp.getObject()}) {
                    if (Functor.isFunctor(n)) {
                        throw new IllegalArgumentException(where + ": functor-valued nodes are not supported (" + n + ")");
                    }
                    if (n instanceof Node_RuleVariable) {
                        bound.add(n);
                    }
                }
            } else if (c instanceof Functor f) {
                Builtin b = f.getImplementor();
                if (b == null) {
                    throw new IllegalArgumentException(where + ": unknown builtin " + f.getName());
                }
                if (!b.isMonotonic()) {
                    throw new IllegalArgumentException(where + ": builtin " + f.getName()
                            + " is not monotonic; incremental materialization cannot withdraw a conclusion");
                }
                if (!b.isSafe()) {
                    throw new IllegalArgumentException(where + ": builtin " + f.getName() + " has side effects");
                }
                for (Node n : f.getArgs()) {
                    if (n instanceof Node_RuleVariable) {
                        bound.add(n); // a builtin such as regex may bind its output arguments
                    }
                }
            } else {
                throw new IllegalArgumentException(where + ": nested rules are not supported");
            }
        }
        if (patterns == 0) {
            throw new IllegalArgumentException(where + " has no triple in its body");
        }
        if (r.getHead().length == 0) {
            throw new IllegalArgumentException(where + " concludes nothing");
        }
        for (ClauseEntry c : r.getHead()) {
            if (!(c instanceof TriplePattern tp)) {
                throw new IllegalArgumentException(where + ": a head may hold only triples, not " + c);
            }
            for (Node n : new Node[] {tp.getSubject(), tp.getPredicate(), tp.getObject()}) {
                if (Functor.isFunctor(n)) {
                    throw new IllegalArgumentException(where + ": functor-valued nodes are not supported (" + n + ")");
                }
                if (n instanceof Node_RuleVariable && !bound.contains(n)) {
                    throw new IllegalArgumentException(where + ": head variable " + n + " is not bound by the body");
                }
            }
        }
    }

    private static boolean isValidLabel(String name) {
        return name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.');
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this label, or null. */
    public Rule rule(String name) {
        return byName.get(name);
    }

    /** The IRI that names a rule in provenance records. */
    public static Node iri(Rule rule) {
        return NodeFactory.createURI(NS + rule.getName());
    }

    /** The text the rules were parsed from. */
    public String text() {
        return text;
    }

    /** SHA-256 of the text, hex: changes whenever a rule does. */
    public String hash() {
        return hash;
    }

    /** The predicates the rule bodies read: only triples with one of them can start a derivation. */
    public Set<Node> bodyPredicates() {
        Set<Node> out = new HashSet<>();
        for (Rule r : rules) {
            for (ClauseEntry c : r.getBody()) {
                if (c instanceof TriplePattern tp) {
                    out.add(tp.getPredicate());
                }
            }
        }
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The rules, for messages. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>(byName.keySet());
        return "RuleSet" + names;
    }
}
