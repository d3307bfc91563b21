package io.sfinbound.extractor.bulk;

/** Salesforce reported a Bulk API 2.0 query job as Failed (or Aborted by someone else). */
public class BulkJobFailedException extends RuntimeException {

    public BulkJobFailedException(String message) {
        super(message);
    }
}
