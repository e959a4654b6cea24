package org.conflictkg.reason;

import org.apache.jena.graph.Node;
import org.apache.jena.reasoner.rulesys.RuleContext;
import org.apache.jena.reasoner.rulesys.builtins.BaseBuiltin;

import java.util.Locale;

/**
 * The rule builtin {@code broaderFeature(?outer, ?inner)}: true when GeoNames feature code {@code
 * ?outer} names a broader administrative level than {@code ?inner}. Levels, broadest first: a
 * country ({@code A.PCL*}), first- to fifth-order divisions ({@code A.ADM1} to {@code A.ADM5}),
 * other administrative areas ({@code A.*}), populated places ({@code P.*}), everything else
 * (streams, mountains, spots). Containment between places can only go up these levels, so
 * chaining it only where it does cannot form a cycle, whatever a misread sentence asserts.
 *
 * <p>A test of its two arguments, monotonic and without side effects, as {@link RuleSet}
 * requires; false when either is not a literal.
 */
final class BroaderFeature extends BaseBuiltin {

    @Override
    public String getName() {
        return "broaderFeature";
    }

    @Override
    public int getArgLength() {
        return 2;
    }

    @Override
    public boolean bodyCall(Node[] args, int length, RuleContext context) {
        checkArgs(length, context);
        Node outer = getArg(0, args, context);
        Node inner = getArg(1, args, context);
        if (!outer.isLiteral() || !inner.isLiteral()) {
            return false;
        }
        return level(outer.getLiteralLexicalForm()) < level(inner.getLiteralLexicalForm());
    }

    /** 0 for a country, up to 8 for a feature that is no administrative unit. */
    static int level(String featureCode) {
        String f = featureCode.toUpperCase(Locale.ROOT);
        if (f.startsWith("A.PCL")) {
            return 0;
        }
        if (f.matches("A\\.ADM[1-5]H?")) {
            return f.charAt(5) - '0';
        }
        if (f.startsWith("A.")) {
            return 6;
        }
        if (f.startsWith("P.")) {
            return 7;
        }
        return 8;
    }
}
