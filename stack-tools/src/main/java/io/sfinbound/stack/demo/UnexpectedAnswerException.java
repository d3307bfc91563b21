package io.sfinbound.stack.demo;

/**
 * A service answered the demo with something other than what {@code docs/architecture.md} promises (a wrong status, a
 * body that is not the expected JSON, or no answer at all). The message names the service, the call, the status and
 * the start of the body, and where the service's log is.
 */
public final class UnexpectedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public UnexpectedAnswerException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or -1 when the service did not answer. */
    public int status() {
        return status;
    }
}
