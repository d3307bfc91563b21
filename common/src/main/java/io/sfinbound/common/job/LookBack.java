package io.sfinbound.common.job;

import java.time.Duration;

/**
 * How far before the watermark an incremental run re-reads, to catch records committed late.
 *
 * @param amount number of units, 0 for none
 * @param unit   {@code DAYS} or {@code HOURS}
 */
public record LookBack(int amount, Unit unit) {

    /** Look-back units. */
    public enum Unit {
        DAYS,
        HOURS
    }

    /** The look-back as a duration. */
    public Duration toDuration() {
        return unit == Unit.HOURS ? Duration.ofHours(amount) : Duration.ofDays(amount);
    }
}
