package org.conflictkg.store;

/**
 * The environment failed: the store cannot be opened (locked by another process, not a TDB2
 * folder, no permission) or the disk failed during a write. Distinct from bad input, which is
 * reported per file and never stops a load.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
