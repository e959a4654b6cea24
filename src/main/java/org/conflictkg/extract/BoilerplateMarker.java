package org.conflictkg.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marks lines that are not part of the article body: captions repeated in the text, photo
 * credits, and calls to action ("Click here", "Sign up for our newsletter").
 *
 * <p>Needs: nothing. Adds: boilerplate spans (whole lines). Nothing is deleted, so offsets stay
 * valid; later stages skip what is marked.
 *
 * <p>A line that appears twice is a caption or a pull quote shown twice; both copies are marked,
 * because neither is running text. Only short lines count (a repeated long paragraph is more likely
 * a syndication error worth keeping).
 */
public final class BoilerplateMarker implements ExtractionStage {

    private static final int MAX_BOILERPLATE_LINE = 400;

    /**
     * A photo gallery pasted in as one long line ("Photos: ... Hide Caption 3 of 12"): boilerplate
     * however long, or two unrelated articles of one outlet would share it and look like reposts.
     */
    private static final Pattern GALLERY = Pattern.compile("(?i)\\bhide caption\\s+\\d+\\s+of\\s+\\d+");

    private static final Pattern CREDIT = Pattern.compile(
            "(?i)(^\\(?\\s*(?:file\\s+)?(?:photo|image|picture|video|credit|graphic)s?\\s*(?:[:/|]|by\\b|credit\\b))"
                    + "|(\\((?:AP|AFP|Reuters|EPA|Getty|SANA|Anadolu|UPI)(?:\\s+Photo)?\\s*/[^)]*\\)\\s*$)"
                    + "|(\\b(?:Getty Images|AP Photo|AFP Photo|Reuters Photo|Photo credit)\\b)");

    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?i)^(?:.*\\bclick here\\b.*"
                    + "|(?:read|see) (?:more|also)\\b.*"
                    + "|related(?: articles| stories| coverage)?\\s*:.*"
                    + "|sign up\\b.*|subscribe\\b.*|follow us\\b.*|share (?:this|on)\\b.*"
                    + "|advertisement|copyright\\b.*|©.*|all rights reserved\\.?"
                    + "|photos?:.*|.*\\bhide caption\\b.*|(?:\\d+ of \\d+\\s*)?(?:caption|gallery)\\b.*|watch:.*|video:.*"
                    + "|.*\\bdownload (?:our|the) app\\b.*)$");

    @Override
    public String name() {
        return "boilerplate";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.text();
        List<Span> lines = Lines.of(text);
        Map<String, Integer> counts = new HashMap<>();
        for (Span line : lines) {
            if (line.length() <= MAX_BOILERPLATE_LINE) {
                counts.merge(line.of(text), 1, Integer::sum);
            }
        }
        for (Span line : lines) {
            if (line.length() > MAX_BOILERPLATE_LINE) {
                if (GALLERY.matcher(text).region(line.start(), line.end()).find()) {
                    doc.addBoilerplate(line);
                }
                continue;
            }
            String s = line.of(text);
            boolean repeated = counts.getOrDefault(s, 0) > 1 && s.length() >= 20;
            if (repeated || CREDIT.matcher(s).find() || CALL_TO_ACTION.matcher(s).matches()) {
                doc.addBoilerplate(line);
            }
        }
    }
}
