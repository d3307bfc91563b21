package io.sfinbound.common.job;

/** Which Salesforce API a job extracts with. */
public enum ExtractionApi {
    /** REST below the job's Bulk threshold (a {@code SELECT COUNT()} of the window), Bulk API 2.0 above it. */
    AUTO,
    REST,
    BULK
}
