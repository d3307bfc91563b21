package io.sfinbound.loader.config;

/** A failure that goes away by itself (a service or the database is down or overloaded): retry, never dead-letter. */
public class TransientException extends RuntimeException {

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientException(String message) {
        super(message);
    }
}
