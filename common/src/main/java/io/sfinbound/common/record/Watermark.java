package io.sfinbound.common.record;

import java.time.Instant;

/**
 * Keyset position of an incremental job: the last (date field value, Id) published by a successful run.
 * The next window reads {@code F > timestamp OR (F = timestamp AND Id > id)}. A date-typed field
 * (not datetime) is carried as midnight UTC of that date.
 *
 * @param timestamp value of the job's date field of the last record
 * @param id        Salesforce Id of the last record (18 characters), the tie-break on equal timestamps
 */
public record Watermark(Instant timestamp, String id) {
}
