package org.conflictkg.reason.engine;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.BindingEnvironment;
import org.apache.jena.reasoner.rulesys.BuiltinException;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.reasoner.rulesys.RuleContext;
import org.apache.jena.reasoner.rulesys.impl.BindingVector;
import org.apache.jena.util.iterator.ClosableIterator;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.reason.RuleSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semi-naive forward chaining of a {@link RuleSet} over {@link Facts}.
 *
 * <p>Two entry points. {@link #closeAll} evaluates every rule over all the facts, then goes on
 * from what that concluded. {@link #extend} starts from a delta, triples just added to facts
 * that were already closed under the rules, and seeks only derivations that use at least one
 * new triple: each new triple is matched against every body triple it fits, and the rest of
 * the body is joined with the facts. Because the rules are monotonic (see {@link RuleSet}),
 * both give the same closure, and {@code extend} costs what the delta can reach, not the size
 * of the store.
 *
 * <p>Each round hands its derivations and the conclusions new to the facts to a {@link Round}
 * callback, which must write them so that the facts show them, before the next round starts
 * from the new conclusions. Every derivation is reported, including those whose conclusion was
 * already known, so a record of them does not depend on the order facts arrived in. Builtins
 * are Jena's own, evaluated once their inputs are bound, so they behave as in Jena's reasoners.
 *
 * <p>Failure path: an exception from the facts or the callback propagates; nothing is retried.
 * A builtin that fails on its arguments (regex on a resource) counts as a non-match.
 */
public final class ForwardChainer {

    /** Receives each round's results and makes the new conclusions visible in the facts. */
    public interface Round {
        void completed(Collection<Derivation> derivations, Set<Triple> newConclusions);
    }

    /**
     * What a run did.
     *
     * @param rounds rounds run, the first included
     * @param derivations rule applications found (each premise set counted once per run)
     * @param newConclusions conclusions that were not facts before
     */
    public record Stats(int rounds, long derivations, long newConclusions) {}

    private record Atom(Compiled rule, int index) {}

    private final List<Compiled> rules = new ArrayList<>();
    private final Map<Node, List<Atom>> byPredicate = new HashMap<>();
    private final Map<Node, List<Atom>> typeByClass = new HashMap<>();

    public ForwardChainer(RuleSet ruleSet) {
        for (Rule r : ruleSet.rules()) {
            Compiled c = new Compiled(r);
            rules.add(c);
            for (int i = 0; i < c.patterns.length; i++) {
                TriplePattern tp = c.patterns[i];
                Node p = tp.getPredicate();
                if (p.equals(RDF.type.asNode()) && !(tp.getObject() instanceof Node_RuleVariable)) {
                    // Most triples of a document are types of spans: index type atoms by class too.
                    typeByClass.computeIfAbsent(tp.getObject(), k -> new ArrayList<>()).add(new Atom(c, i));
                } else {
                    byPredicate.computeIfAbsent(p, k -> new ArrayList<>()).add(new Atom(c, i));
                }
            }
        }
    }

    /** Closes the facts under the rules, starting from every rule over all of them. */
    public Stats closeAll(Facts facts, Round round) {
        Set<Derivation> found = new LinkedHashSet<>();
        for (Compiled c : rules) {
            c.search(new Node[c.vars], new boolean[c.patterns.length], new Triple[c.patterns.length], facts, found);
        }
        return iterate(facts, found, round);
    }

    /**
     * Closes the facts under the rules, given that they were closed before {@code delta} was added
     * to them. A delta that holds triples already known costs time but is still correct.
     */
    public Stats extend(Facts facts, Collection<Triple> delta, Round round) {
        return iterate(facts, fromDelta(facts, delta), round);
    }

    /**
     * The classes a type triple must name to start a derivation, given the facts: the classes the
     * rules name in body type triples and, for a body type triple whose class is a variable, the
     * classes that satisfy the rule's triples about that class alone ({@code (?c rdfs:subClassOf
     * ckg:Actor)}). A caller reading a delta back from the store can then skip the types of
     * everything else. Null when some rule would start from a type of any class. Holds until the
     * facts about classes change.
     */
    public Set<Node> startingTypeClasses(Facts facts) {
        Set<Node> classes = new LinkedHashSet<>(typeByClass.keySet());
        for (Atom a : byPredicate.getOrDefault(RDF.type.asNode(), List.of())) {
            Set<Node> fit = a.rule.classesFitting(a.index, facts);
            if (fit == null) {
                return null;
            }
            classes.addAll(fit);
        }
        return classes;
    }

    private Stats iterate(Facts facts, Set<Derivation> found, Round round) {
        int rounds = 0;
        long derivations = 0;
        long conclusions = 0;
        while (true) {
            rounds++;
            derivations += found.size();
            Set<Triple> fresh = new LinkedHashSet<>();
            for (Derivation d : found) {
                for (Triple c : d.conclusions()) {
                    if (!fresh.contains(c) && !facts.contains(c)) {
                        fresh.add(c);
                    }
                }
            }
            conclusions += fresh.size();
            round.completed(found, fresh);
            facts.refresh();
            if (fresh.isEmpty()) {
                return new Stats(rounds, derivations, conclusions);
            }
            found = fromDelta(facts, fresh);
        }
    }

    private Set<Derivation> fromDelta(Facts facts, Collection<Triple> delta) {
        Set<Derivation> found = new LinkedHashSet<>();
        for (Triple t : delta) {
            List<Atom> byP = byPredicate.get(t.getPredicate());
            if (byP != null) {
                for (Atom a : byP) {
                    a.rule.startFrom(a.index, t, facts, found);
                }
            }
            if (t.getPredicate().equals(RDF.type.asNode())) {
                List<Atom> byC = typeByClass.get(t.getObject());
                if (byC != null) {
                    for (Atom a : byC) {
                        a.rule.startFrom(a.index, t, facts, found);
                    }
                }
            }
        }
        return found;
    }

    /** A rule split into its triple patterns and builtins, with each builtin's inputs known. */
    private static final class Compiled {
        final Rule rule;
        final TriplePattern[] patterns;
        final Functor[] functors;
        /** For each builtin, the variables it shares with the patterns: it runs once they are bound. */
        final int[][] functorInputs;
        final int vars;

        Compiled(Rule rule) {
            this.rule = rule;
            List<TriplePattern> ps = new ArrayList<>();
            List<Functor> fs = new ArrayList<>();
            for (ClauseEntry c : rule.getBody()) {
                if (c instanceof TriplePattern tp) {
                    ps.add(tp);
                } else {
                    fs.add((Functor) c);
                }
            }
            patterns = ps.toArray(new TriplePattern[0]);
            functors = fs.toArray(new Functor[0]);
            Set<Integer> patternVars = new LinkedHashSet<>();
            for (TriplePattern tp : patterns) {
                for (Node n : nodes(tp)) {
                    if (n instanceof Node_RuleVariable v && v.getIndex() >= 0) {
                        patternVars.add(v.getIndex());
                    }
                }
            }
            functorInputs = new int[functors.length][];
            for (int i = 0; i < functors.length; i++) {
                List<Integer> in = new ArrayList<>();
                for (Node n : functors[i].getArgs()) {
                    if (n instanceof Node_RuleVariable v && patternVars.contains(v.getIndex())) {
                        in.add(v.getIndex());
                    }
                }
                functorInputs[i] = in.stream().mapToInt(Integer::intValue).toArray();
            }
            vars = rule.getNumVars();
        }

        /**
         * For a type pattern with a variable class, the classes that satisfy every other pattern
         * whose only variable is that class; null when there is no such pattern.
         */
        Set<Node> classesFitting(int typePattern, Facts facts) {
            Node c = patterns[typePattern].getObject();
            List<TriplePattern> guards = new ArrayList<>();
            for (int i = 0; i < patterns.length; i++) {
                if (i == typePattern) {
                    continue;
                }
                boolean onlyC = false;
                boolean other = false;
                for (Node n : nodes(patterns[i])) {
                    if (n.equals(c)) {
                        onlyC = true;
                    } else if (n instanceof Node_RuleVariable) {
                        other = true;
                    }
                }
                if (onlyC && !other) {
                    guards.add(patterns[i]);
                }
            }
            if (guards.isEmpty()) {
                return null;
            }
            Set<Node> fit = null;
            for (TriplePattern g : guards) {
                Set<Node> these = new LinkedHashSet<>();
                for (Triple t : facts.find(anyIfVar(g.getSubject()), g.getPredicate(), anyIfVar(g.getObject()))) {
                    Node[] env = new Node[vars];
                    if (unify(g, t, env)) {
                        these.add(env[((Node_RuleVariable) c).getIndex()]);
                    }
                }
                if (fit == null) {
                    fit = these;
                } else {
                    fit.retainAll(these);
                }
            }
            return fit;
        }

        private static Node anyIfVar(Node n) {
            return n instanceof Node_RuleVariable ? Node.ANY : n;
        }

        void startFrom(int index, Triple t, Facts facts, Set<Derivation> found) {
            Node[] env = new Node[vars];
            if (!unify(patterns[index], t, env)) {
                return;
            }
            boolean[] done = new boolean[patterns.length];
            Triple[] matched = new Triple[patterns.length];
            done[index] = true;
            matched[index] = t;
            search(env, done, matched, facts, found);
        }

        /**
         * Matches the patterns not yet done, most bound first (ties in the order written), then
         * runs the builtins and records the derivation.
         */
        void search(Node[] env, boolean[] done, Triple[] matched, Facts facts, Set<Derivation> found) {
            int next = -1;
            int bestBound = -1;
            for (int i = 0; i < patterns.length; i++) {
                if (done[i]) {
                    continue;
                }
                int b = boundCount(patterns[i], env);
                if (b > bestBound) {
                    bestBound = b;
                    next = i;
                }
            }
            if (next < 0) {
                Node[] finalEnv = runBuiltins(env, done, true);
                if (finalEnv != null) {
                    record(finalEnv, matched, found);
                }
                return;
            }
            TriplePattern tp = patterns[next];
            List<Triple> candidates = facts.find(ground(tp.getSubject(), env), ground(tp.getPredicate(), env), ground(tp.getObject(), env));
            for (Triple t : candidates) {
                Node[] env2 = env.clone();
                if (!unify(tp, t, env2)) {
                    continue;
                }
                boolean[] done2 = done.clone();
                done2[next] = true;
                Node[] afterBuiltins = runBuiltins(env2, done2, false);
                if (afterBuiltins == null) {
                    continue;
                }
                Triple[] matched2 = matched.clone();
                matched2[next] = t;
                search(afterBuiltins, done2, matched2, facts, found);
            }
        }

        /**
         * Runs the builtins whose inputs are all bound (all of them when {@code last}). Returns the
         * environment with what they bound, or null when one fails. Builtins run early prune the
         * search; running one twice is harmless, since they are tests without side effects.
         */
        private Node[] runBuiltins(Node[] env, boolean[] patternsDone, boolean last) {
            Node[] cur = env;
            for (int i = 0; i < functors.length; i++) {
                boolean ready = true;
                for (int v : functorInputs[i]) {
                    if (cur[v] == null) {
                        ready = false;
                        break;
                    }
                }
                if (!ready && !last) {
                    continue;
                }
                if (!ready) {
                    return null; // cannot happen for a checked rule: every input is bound at the end
                }
                BindingVector bv = new BindingVector(cur.clone());
                try {
                    if (!functors[i].evalAsBodyClause(new Context(bv, rule))) {
                        return null;
                    }
                } catch (BuiltinException e) {
                    return null;
                }
                cur = bv.getEnvironment();
            }
            return cur;
        }

        private void record(Node[] env, Triple[] matched, Set<Derivation> found) {
            BindingVector bv = new BindingVector(env);
            List<Triple> heads = new ArrayList<>(rule.getHead().length);
            for (ClauseEntry c : rule.getHead()) {
                Triple t = bv.instantiate((TriplePattern) c);
                // A conclusion that is not RDF (a literal as subject) cannot be stored.
                if (t.getSubject().isLiteral() || !t.getPredicate().isURI() || !t.isConcrete()) {
                    continue;
                }
                heads.add(t);
            }
            if (!heads.isEmpty()) {
                found.add(new Derivation(rule, List.of(matched), heads));
            }
        }

        private static int boundCount(TriplePattern tp, Node[] env) {
            int n = 0;
            for (Node x : nodes(tp)) {
                if (!(x instanceof Node_RuleVariable v) || (v.getIndex() >= 0 && env[v.getIndex()] != null)) {
                    n++;
                }
            }
            return n;
        }

        private static Node ground(Node n, Node[] env) {
            if (n instanceof Node_RuleVariable v) {
                Node b = v.getIndex() >= 0 ? env[v.getIndex()] : null;
                return b == null ? Node.ANY : b;
            }
            return n;
        }

        private static boolean unify(TriplePattern tp, Triple t, Node[] env) {
            return unify(tp.getSubject(), t.getSubject(), env)
                    && unify(tp.getPredicate(), t.getPredicate(), env)
                    && unify(tp.getObject(), t.getObject(), env);
        }

        private static boolean unify(Node pattern, Node value, Node[] env) {
            if (pattern instanceof Node_RuleVariable v) {
                int i = v.getIndex();
                if (i < 0) {
                    return true; // the anonymous variable
                }
                if (env[i] == null) {
                    env[i] = value;
                    return true;
                }
                return env[i].equals(value);
            }
            return pattern.equals(value);
        }

        private static Node[] nodes(TriplePattern tp) {
            return new Node[] {tp.getSubject(), tp.getPredicate(), tp.getObject()};
        }
    }

    /**
     * What a builtin sees: its bindings and its rule. The builtins a {@link RuleSet} admits read
     * only their arguments; anything that would read or change a graph is refused.
     */
    private record Context(BindingVector env, Rule rule) implements RuleContext {
        @Override
        public BindingEnvironment getEnv() {
            return env;
        }

        @Override
        public InfGraph getGraph() {
            return null;
        }

        @Override
        public Rule getRule() {
            return rule;
        }

        @Override
        public void setRule(Rule r) {
            throw new UnsupportedOperationException("rules are fixed during materialization");
        }

        @Override
        public boolean contains(Triple t) {
            throw new UnsupportedOperationException("builtins that read the graph are not supported");
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            throw new UnsupportedOperationException("builtins that read the graph are not supported");
        }

        @Override
        public ClosableIterator<Triple> find(Node s, Node p, Node o) {
            throw new UnsupportedOperationException("builtins that read the graph are not supported");
        }

        @Override
        public void silentAdd(Triple t) {
            throw new UnsupportedOperationException("builtins may not write");
        }

        @Override
        public void add(Triple t) {
            throw new UnsupportedOperationException("builtins may not write");
        }

        @Override
        public void remove(Triple t) {
            throw new UnsupportedOperationException("builtins may not write");
        }
    }
}
