package io.sfinbound.extractor.run;

/** A user cancelled the run, or the extractor is shutting down; the run stops at the next check. */
public class RunCancelledException extends RuntimeException {

    public RunCancelledException(String message) {
        super(message);
    }
}
