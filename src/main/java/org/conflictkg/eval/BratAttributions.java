package org.conflictkg.eval;

import org.conflictkg.extract.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a brat standoff annotation file of attributions, as the PolNeAR corpus writes them, into
 * {@link GoldAttribution}s whose spans are indices into the annotated text.
 *
 * <p>The file's text-bound annotations ({@code T} lines) hold spans, possibly discontinuous
 * ({@code T3<TAB>Content 120 160;170 211<TAB>text}); its events ({@code E} lines) join them:
 * {@code E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1}. The first argument of an event is its
 * trigger and is not used; the roles {@code Content}, {@code Cue} and {@code Source}, with or
 * without a number ({@code Content2}), give the spans. A role may be absent. Events may refer to
 * spans defined later in the file. Notes ({@code #}), attributes ({@code A}, {@code M}), relations
 * ({@code R}), normalisations ({@code N}) and equivalences ({@code *}) are skipped, as are spans no
 * event uses (PolNeAR's {@code Discard} and {@code Discuss}).
 *
 * <p>Offsets in brat count Unicode code points; they are translated here to the UTF-16 indices
 * that {@link Span} uses. Each span's recorded text must equal the text at its offsets, its
 * fragments joined by a space, as brat writes it: this catches a wrong text file or a wrong
 * offset convention at once instead of producing figures that are quietly wrong. A span that
 * crosses a line break carries its text over several lines of the file; those lines are read as
 * part of it.
 *
 * <pre>{@code
 * List<GoldAttribution> gold = BratAttributions.parse(annText, articleText, "a_4e07.ann");
 * }</pre>
 */
public final class BratAttributions {

    private static final Pattern TEXT_BOUND = Pattern.compile("(T\\d+)\t(\\S+) (\\d+ \\d+(?:;\\d+ \\d+)*)\t(.*)");
    private static final Pattern EVENT = Pattern.compile("(E\\d+)\t(.*)");
    private static final Pattern IGNORED = Pattern.compile("(?:[#AMRN]\\d*|\\*)\t.*");
    private static final Pattern ROLE = Pattern.compile("(Content|Cue|Source)\\d*");

    private BratAttributions() {}

    /**
     * Reads {@code annotations}, the content of a .ann file, against {@code text}, the content of
     * its .txt file as brat counts it (a UTF-8 byte-order mark, if the file has one, is its first
     * character).
     *
     * @param fileName names the file in error messages
     * @return the attributions in the order of their lines
     * @throws MalformedGoldException naming the file and line of the first fault
     */
    public static List<GoldAttribution> parse(String annotations, String text, String fileName)
            throws MalformedGoldException {
        CodePointIndex index = new CodePointIndex(text);
        Map<String, List<Span>> spans = new HashMap<>();
        Map<String, Integer> events = new LinkedHashMap<>();
        Map<String, String> eventArgs = new HashMap<>();
        String[] lines = annotations.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripCr(lines[i]);
            if (line.isBlank() || IGNORED.matcher(line).matches()) {
                continue;
            }
            Matcher t = TEXT_BOUND.matcher(line);
            Matcher e = EVENT.matcher(line);
            if (t.matches()) {
                String id = t.group(1);
                List<int[]> fragments = fragments(t.group(3), fileName, lineNo, id, index);
                List<Span> parts = new ArrayList<>();
                StringBuilder actual = new StringBuilder();
                for (int[] f : fragments) {
                    Span s = new Span(index.toIndex(f[0]), index.toIndex(f[1]));
                    if (actual.length() > 0) {
                        actual.append(' ');
                    }
                    actual.append(s.of(text));
                    parts.add(s);
                }
                StringBuilder written = new StringBuilder(t.group(4));
                // The recorded text of a span over a line break goes on over the next lines: take
                // them only where the text itself breaks the line, so that a short record is
                // reported as such rather than padded with whatever line follows.
                while (i + 1 < lines.length && written.length() < actual.length()
                        && actual.charAt(written.length()) == '\n' && actual.toString().startsWith(written.toString())) {
                    written.append('\n').append(stripCr(lines[++i]));
                }
                if (!actual.toString().equals(written.toString())) {
                    throw new MalformedGoldException(fileName, lineNo, id + " records \"" + excerpt(written.toString())
                            + "\" but the text at " + t.group(3) + " reads \"" + excerpt(actual.toString())
                            + "\": is this the .ann file of this text?");
                }
                if (spans.put(id, parts) != null) {
                    throw new MalformedGoldException(fileName, lineNo, id + " is defined twice");
                }
            } else if (e.matches()) {
                String id = e.group(1);
                if (events.put(id, lineNo) != null) {
                    throw new MalformedGoldException(fileName, lineNo, id + " is defined twice");
                }
                eventArgs.put(id, e.group(2).strip());
            } else {
                throw new MalformedGoldException(fileName, lineNo, "not a brat annotation line: \"" + excerpt(line)
                        + "\" (expected T, E, A, M, R, N, * or # followed by a tab)");
            }
        }
        List<GoldAttribution> out = new ArrayList<>(events.size());
        for (Map.Entry<String, Integer> ev : events.entrySet()) {
            out.add(event(ev.getKey(), ev.getValue(), eventArgs.get(ev.getKey()), spans, fileName));
        }
        return out;
    }

    private static GoldAttribution event(String id, int lineNo, String args, Map<String, List<Span>> spans, String fileName)
            throws MalformedGoldException {
        String[] parts = args.isEmpty() ? new String[0] : args.split(" +");
        if (parts.length == 0) {
            throw new MalformedGoldException(fileName, lineNo, id + " has no trigger (expected TYPE:Tn, then ROLE:Tn...)");
        }
        List<Span> content = new ArrayList<>();
        List<Span> cue = new ArrayList<>();
        List<Span> source = new ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            int colon = parts[k].lastIndexOf(':');
            if (colon <= 0) {
                throw new MalformedGoldException(fileName, lineNo, id + ": \"" + parts[k] + "\" is not ROLE:ID");
            }
            String role = parts[k].substring(0, colon);
            String ref = parts[k].substring(colon + 1);
            List<Span> target = spans.get(ref);
            if (target == null) {
                throw new MalformedGoldException(fileName, lineNo, id + " refers to " + ref
                        + ", which is not a text span of this file");
            }
            if (k == 0) {
                continue; // the trigger: its type says only that this is an attribution
            }
            if (!ROLE.matcher(role).matches()) {
                throw new MalformedGoldException(fileName, lineNo, id + ": unknown role " + role
                        + " (expected Content, Cue or Source, optionally numbered)");
            }
            switch (role.replaceAll("\\d+$", "").toLowerCase(Locale.ROOT)) {
                case "content" -> content.addAll(target);
                case "cue" -> cue.addAll(target);
                default -> source.addAll(target);
            }
        }
        return new GoldAttribution(id, lineNo, content, cue, source);
    }

    private static List<int[]> fragments(String offsets, String fileName, int lineNo, String id, CodePointIndex index)
            throws MalformedGoldException {
        List<int[]> out = new ArrayList<>();
        for (String f : offsets.split(";")) {
            String[] se = f.split(" ");
            int start;
            int end;
            try {
                start = Integer.parseInt(se[0]);
                end = Integer.parseInt(se[1]);
            } catch (NumberFormatException ex) {
                throw new MalformedGoldException(fileName, lineNo, id + ": offset out of range in " + f);
            }
            if (end < start) {
                throw new MalformedGoldException(fileName, lineNo, id + ": span " + f + " ends before it starts");
            }
            if (end > index.length()) {
                throw new MalformedGoldException(fileName, lineNo, id + ": span " + f + " runs past the end of the text ("
                        + index.length() + " characters)");
            }
            out.add(new int[] {start, end});
        }
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String excerpt(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    /** Code point offsets to UTF-16 indices; the identity for the usual text without surrogates. */
    private static final class CodePointIndex {
        private final int length;
        private final int[] indexOf;

        CodePointIndex(String text) {
            this.length = text.codePointCount(0, text.length());
            if (length == text.length()) {
                indexOf = null;
            } else {
                indexOf = new int[length + 1];
                int i = 0;
                for (int cp = 0; cp < length; cp++) {
                    indexOf[cp] = i;
                    i += Character.charCount(text.codePointAt(i));
                }
                indexOf[length] = text.length();
            }
        }

        int length() {
            return length;
        }

        int toIndex(int codePoint) {
            return indexOf == null ? codePoint : indexOf[codePoint];
        }
    }
}
