package io.sfinbound.configapi.job;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.sfinbound.common.problem.Problem;

/**
 * XM Discover's next-run rules.
 * <ul>
 * <li>Hourly: as soon as possible on the start minute. Every local day is anchored at the start time and runs every
 * N hours (absolute time) until the next day's anchor, so a job saved at 9:18 with start 8:30 runs at 9:30.</li>
 * <li>Daily, weekly, monthly: the earliest instance of the start time, in the schedule's time zone; monthly day 31
 * (or any day a month lacks) means the month's last day.</li>
 * </ul>
 * A local start time that does not exist (daylight saving gap) runs at the same offset after the gap, for example 02:30
 * becomes 03:30; one that occurs twice (overlap) runs at the first.
 */
public final class ScheduleRules {

    /** Earliest year of a start date. */
    static final int MIN_YEAR = 2000;
    /** Latest year of a start date: later dates are typos, and their instants overflow some clients. */
    static final int MAX_YEAR = 2999;

    private ScheduleRules() {
    }

    /** The schedule with defaults: start 00:00, UTC, every 1 hour. */
    public static Schedule withDefaults(Schedule s) {
        ScheduleType type = s.type() == null ? ScheduleType.MANUAL : s.type();
        return new Schedule(type,
                type == ScheduleType.HOURLY && s.everyHours() == null ? Integer.valueOf(1) : s.everyHours(),
                s.startTime() == null ? LocalTime.MIDNIGHT : s.startTime().withSecond(0).withNano(0),
                s.startDate(),
                s.timezone() == null || s.timezone().isBlank() ? "UTC" : s.timezone().trim(),
                s.daysOfWeek() == null || s.daysOfWeek().isEmpty() ? null : EnumSet.copyOf(s.daysOfWeek()),
                s.dayOfMonth(),
                Boolean.TRUE.equals(s.createWithoutPulling()));
    }

    /** What is wrong with a schedule (fields prefixed {@code schedule.}); empty when valid. */
    public static List<Problem.FieldError> validate(Schedule s) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (s == null) {
            return errors;
        }
        if (s.timezone() != null) {
            String zone = s.timezone();
            if (zone.isBlank()) {
                errors.add(new Problem.FieldError("schedule.timezone", "must not be blank; leave it out for UTC"));
            } else if (zone.length() > 64 || !zone.equals(zone.strip()) || zone.codePoints().anyMatch(Character::isISOControl)) {
                // ZoneId.of would accept "Europe/Berlin\u0000" after the trim that used to be here
                errors.add(new Problem.FieldError("schedule.timezone", "is not a known time zone (use an IANA name such as Europe/Berlin)"));
            } else {
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    errors.add(new Problem.FieldError("schedule.timezone", "is not a known time zone (use an IANA name such as Europe/Berlin)"));
                }
            }
        }
        if (s.type() == null) {
            errors.add(new Problem.FieldError("schedule.type", "is required: MANUAL, ONE_TIME, HOURLY, DAILY, WEEKLY or MONTHLY"));
        }
        if (s.startDate() != null && (s.startDate().getYear() < MIN_YEAR || s.startDate().getYear() > MAX_YEAR)) {
            errors.add(new Problem.FieldError("schedule.startDate", "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
        ScheduleType type = s.type() == null ? ScheduleType.MANUAL : s.type();
        if (s.startTime() == null && (type == ScheduleType.ONE_TIME || type == ScheduleType.DAILY
                || type == ScheduleType.WEEKLY || type == ScheduleType.MONTHLY)) {
            errors.add(new Problem.FieldError("schedule.startTime", "is required for a " + type + " schedule (HH:mm)"));
        }
        if (type == ScheduleType.HOURLY && s.everyHours() != null && (s.everyHours() < 1 || s.everyHours() > 24)) {
            errors.add(new Problem.FieldError("schedule.everyHours", "must be between 1 and 24"));
        }
        if (type == ScheduleType.WEEKLY && (s.daysOfWeek() == null || s.daysOfWeek().isEmpty())) {
            errors.add(new Problem.FieldError("schedule.daysOfWeek", "must name at least one day for a weekly schedule"));
        }
        if (type == ScheduleType.MONTHLY && (s.dayOfMonth() == null || s.dayOfMonth() < 1 || s.dayOfMonth() > 31)) {
            errors.add(new Problem.FieldError("schedule.dayOfMonth", "must be between 1 and 31 (31 = the last day of the month)"));
        }
        return errors;
    }

    /** Whether the schedule fires by itself (hourly, daily, weekly, monthly). */
    public static boolean recurring(Schedule s) {
        return s != null && s.type() != null && s.type() != ScheduleType.MANUAL && s.type() != ScheduleType.ONE_TIME;
    }

    /**
     * The first run at or after {@code from}, or null for manual and one-time schedules.
     *
     * @param s    a schedule with defaults ({@link #withDefaults})
     * @param from the earliest allowed instant
     */
    public static Instant nextRun(Schedule s, Instant from) {
        if (!recurring(s)) {
            return null;
        }
        ZoneId zone = ZoneId.of(s.timezone());
        LocalTime start = s.startTime();
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        if (s.startDate() != null && day.isBefore(s.startDate())) {
            day = s.startDate();
        }
        // 400 days cover every monthly day and leap year; the loop ends far sooner for the other types
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            Instant anchor = ZonedDateTime.of(day, start, zone).toInstant();
            switch (s.type()) {
                case HOURLY -> {
                    Instant nextAnchor = ZonedDateTime.of(day.plusDays(1), start, zone).toInstant();
                    Duration step = Duration.ofHours(s.everyHours());
                    for (Instant t = anchor; t.isBefore(nextAnchor); t = t.plus(step)) {
                        if (!t.isBefore(from)) {
                            return t;
                        }
                    }
                }
                case DAILY -> {
                    if (!anchor.isBefore(from)) {
                        return anchor;
                    }
                }
                case WEEKLY -> {
                    if (s.daysOfWeek().contains(day.getDayOfWeek()) && !anchor.isBefore(from)) {
                        return anchor;
                    }
                }
                case MONTHLY -> {
                    int target = Math.min(s.dayOfMonth(), day.lengthOfMonth());
                    if (day.getDayOfMonth() == target && !anchor.isBefore(from)) {
                        return anchor;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** The run after one that was due at {@code firedFor}, never earlier than {@code now}. */
    public static Instant following(Schedule s, Instant firedFor, Instant now) {
        Instant after = firedFor.plusSeconds(1);
        return nextRun(s, after.isAfter(now) ? after : now);
    }
}
