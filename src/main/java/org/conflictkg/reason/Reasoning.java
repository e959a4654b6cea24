package org.conflictkg.reason;

import java.util.Locale;

/** Whether a load materializes inferences ({@code kg load --reasoning none|full}). */
public enum Reasoning {
    /** No inference: the load is faster, and the store's inferences are marked out of date. */
    NONE,
    /** The rules run over each batch of new documents, in its transaction (the default). */
    FULL;

    /**
     * Reads an option value.
     *
     * @throws IllegalArgumentException naming the value and the ones there are
     */
    public static Reasoning parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("--reasoning " + value + ": expected none or full");
        };
    }
}
