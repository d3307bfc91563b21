package io.sfinbound.loader.store;

/** Another writer changed the rows of a batch meanwhile (only during a partition rebalance); the batch is retried. */
public class ConcurrentWriteException extends RuntimeException {

    public ConcurrentWriteException(String message) {
        super(message);
    }
}
