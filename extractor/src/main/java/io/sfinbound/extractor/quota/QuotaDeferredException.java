package io.sfinbound.extractor.quota;

/** The org's API quota reached the configured share (or Salesforce answered {@code REQUEST_LIMIT_EXCEEDED}): defer the run. */
public class QuotaDeferredException extends RuntimeException {

    public QuotaDeferredException(String message) {
        super(message);
    }
}
