package io.sfinbound.sim.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Salesforce's value formats on the wire. */
public final class SfFormats {

    /** REST JSON datetimes: {@code 2013-05-20T20:49:32.000+0000}. */
    public static final DateTimeFormatter JSON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** Bulk CSV datetimes: {@code 2018-12-10T17:50:19.000Z}. */
    public static final DateTimeFormatter CSV_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SfFormats() {
    }

    public static String json(Instant t) {
        return JSON_DATETIME.format(t);
    }
}
