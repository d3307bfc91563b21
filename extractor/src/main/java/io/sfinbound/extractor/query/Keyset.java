package io.sfinbound.extractor.query;

import java.time.Instant;
import java.util.Comparator;

import io.sfinbound.common.record.Watermark;

/**
 * A position in the {@code ORDER BY F, Id} order of a window: the date field's value and the record Id.
 * An empty Id means "every record of that timestamp" (a lower bound {@code F >= timestamp}).
 *
 * @param timestamp value of the date field (midnight UTC for a date field)
 * @param id        record Id; {@code ""} sorts before every Id
 */
public record Keyset(Instant timestamp, String id) implements Comparable<Keyset> {

    private static final Comparator<Keyset> ORDER = Comparator.comparing(Keyset::timestamp).thenComparing(Keyset::id);

    public Keyset {
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is required");
        }
        id = id == null ? "" : id;
    }

    public static Keyset of(Watermark w) {
        return w == null || w.timestamp() == null ? null : new Keyset(w.timestamp(), w.id());
    }

    public Watermark toWatermark() {
        return new Watermark(timestamp, id);
    }

    @Override
    public int compareTo(Keyset o) {
        return ORDER.compare(this, o);
    }

    /** The larger of two positions, either may be null. */
    public static Keyset max(Keyset a, Keyset b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
