package org.conflictkg.eval;

import org.conflictkg.ingest.Document;

import java.util.List;

/**
 * An annotated article as read for evaluation: the document the pipeline will see, and the gold
 * attributions with their spans as indices into that document's text.
 *
 * <p>Spans in the annotation file count from the start of the file; here they count from the
 * start of {@link Document#text()}, which is the file less any byte-order mark and any header
 * {@link org.conflictkg.ingest.PlainTextFormat} took off. A gold span inside such a header is
 * clipped to the start of the text (an empty span if it lies wholly there): it stays in the gold,
 * where no prediction can match it, since the pipeline never sees that text.
 *
 * @param article the files it was read from
 * @param document the text as the pipeline reads it
 * @param attributions the gold attributions, in the order of the annotation file
 * @param textOffset code points of the file before the document's text (a byte-order mark, a
 *     header); 0 for PolNeAR
 */
public record GoldDocument(GoldCorpus.Article article, Document document, List<GoldAttribution> attributions, int textOffset) {

    public GoldDocument {
        attributions = List.copyOf(attributions);
    }

    /** A document index as a code point offset in the file, as the annotation file counts. */
    public int fileOffset(int index) {
        return textOffset + document.text().codePointCount(0, index);
    }
}
