package io.sfinbound.configapi.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** XM Discover's next-run rules, as tables. Plain JUnit: pure date arithmetic. */
class ScheduleRulesTest {

    static final ZoneId NY = ZoneId.of("America/New_York");

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Schedule schedule(ScheduleType type, String start, Integer everyHours, Integer dayOfMonth, String zone) {
        return ScheduleRules.withDefaults(new Schedule(type, everyHours, LocalTime.parse(start), null, zone, null, dayOfMonth, null));
    }

    /** The examples of the XM Discover job scheduling page: a job created on March 15 at 1:00 PM. */
    @ParameterizedTest(name = "{0} start {1} day {2} -> {3}")
    @CsvSource({
        "DAILY,   12:00, ,   2026-03-16T12:00",
        "DAILY,   14:00, ,   2026-03-15T14:00",
        "MONTHLY, 08:00, 4,  2026-04-04T08:00",
        "MONTHLY, 08:00, 20, 2026-03-20T08:00",
        "MONTHLY, 12:00, 15, 2026-04-15T12:00",
        "MONTHLY, 14:00, 15, 2026-03-15T14:00",
    })
    void shouldFollowXmdExamples(ScheduleType type, String start, Integer day, String expected) {
        Instant created = at("2026-03-15T13:00", NY);
        assertThat(ScheduleRules.nextRun(schedule(type, start, null, day, NY.getId()), created)).isEqualTo(at(expected, NY));
    }

    @Test
    void shouldRunHourlyJobAsSoonAsPossibleOnTheStartMinute() {
        // hourly job starting 8:30 AM saved at 9:18 AM -> 9:30 AM the same day
        Schedule hourly = schedule(ScheduleType.HOURLY, "08:30", 1, null, "Europe/Berlin");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(ScheduleRules.nextRun(hourly, at("2026-06-01T09:18", berlin))).isEqualTo(at("2026-06-01T09:30", berlin));
        assertThat(ScheduleRules.nextRun(hourly, at("2026-06-01T07:45", berlin))).isEqualTo(at("2026-06-01T08:30", berlin));
        Schedule every4 = schedule(ScheduleType.HOURLY, "08:30", 4, null, "Europe/Berlin");
        assertThat(ScheduleRules.nextRun(every4, at("2026-06-01T09:18", berlin))).isEqualTo(at("2026-06-01T12:30", berlin));
        assertThat(ScheduleRules.nextRun(every4, at("2026-06-01T21:00", berlin))).isEqualTo(at("2026-06-02T00:30", berlin));
        assertThat(ScheduleRules.nextRun(every4, at("2026-06-02T05:00", berlin))).isEqualTo(at("2026-06-02T08:30", berlin));
    }

    @ParameterizedTest(name = "monthly day {0} after {1} -> {2}")
    @CsvSource({
        "31, 2026-01-31T10:00, 2026-02-28T09:00",
        "31, 2028-02-01T00:00, 2028-02-29T09:00",
        "31, 2026-04-01T00:00, 2026-04-30T09:00",
        "31, 2026-05-01T00:00, 2026-05-31T09:00",
        "30, 2026-02-01T00:00, 2026-02-28T09:00",
        "1,  2026-12-01T09:01, 2027-01-01T09:00",
    })
    void shouldRunMonthlyOnLastDayWhenTheMonthIsShort(int day, String after, String expected) {
        Schedule s = schedule(ScheduleType.MONTHLY, "09:00", null, day, "UTC");
        assertThat(ScheduleRules.nextRun(s, at(after, ZoneId.of("UTC")))).isEqualTo(at(expected, ZoneId.of("UTC")));
    }

    @Test
    void shouldKeepLocalStartTimeAcrossDaylightSavingChanges() {
        Schedule daily = schedule(ScheduleType.DAILY, "09:00", null, null, NY.getId());
        // spring forward 2026-03-08: 09:00 EST the day before, 09:00 EDT on the day (23 hours apart)
        Instant before = ScheduleRules.nextRun(daily, at("2026-03-07T08:00", NY));
        Instant on = ScheduleRules.following(daily, before, before);
        assertThat(on).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
        assertThat(before).isEqualTo(Instant.parse("2026-03-07T14:00:00Z"));
        // a start time inside the gap (02:30 does not exist on 2026-03-08) runs once, at 03:30 EDT
        Schedule gap = schedule(ScheduleType.DAILY, "02:30", null, null, NY.getId());
        Instant g = ScheduleRules.nextRun(gap, at("2026-03-08T00:00", NY));
        assertThat(g).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(ScheduleRules.following(gap, g, g)).isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
        // fall back 2026-11-01: 01:30 happens twice; the job runs once, at the first
        Schedule overlap = schedule(ScheduleType.DAILY, "01:30", null, null, NY.getId());
        Instant o = ScheduleRules.nextRun(overlap, at("2026-11-01T00:00", NY));
        assertThat(o).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(ScheduleRules.following(overlap, o, o)).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void shouldRunHourlyEveryHourThroughDaylightSavingChange() {
        Schedule hourly = schedule(ScheduleType.HOURLY, "00:15", 1, null, NY.getId());
        Instant t = ScheduleRules.nextRun(hourly, Instant.parse("2026-11-01T04:00:00Z"));
        for (int i = 0; i < 6; i++) {
            Instant next = ScheduleRules.following(hourly, t, t);
            assertThat(java.time.Duration.between(t, next)).as("after %s", t).isEqualTo(java.time.Duration.ofHours(1));
            t = next;
        }
    }

    @Test
    void shouldRunWeeklyOnChosenDaysFromStartDate() {
        Schedule weekly = ScheduleRules.withDefaults(new Schedule(ScheduleType.WEEKLY, null, LocalTime.of(7, 0),
                LocalDate.parse("2026-12-01"), "UTC", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, null));
        Instant first = ScheduleRules.nextRun(weekly, Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-12-03T07:00:00Z")); // Thursday; Monday Nov 30 is before the start date
        assertThat(ScheduleRules.following(weekly, first, first)).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    }

    @Test
    void shouldNotScheduleManualOrOneTimeJobs() {
        assertThat(ScheduleRules.nextRun(ScheduleRules.withDefaults(Schedule.manual()), Instant.now())).isNull();
        assertThat(ScheduleRules.nextRun(schedule(ScheduleType.ONE_TIME, "00:00", null, null, "UTC"), Instant.now())).isNull();
    }

    @Test
    void shouldNameInvalidFields() {
        LocalTime eight = LocalTime.of(8, 0);
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.WEEKLY, null, eight, null, "Mars/Olympus", null, null, null)))
                .extracting(e -> e.field()).containsExactlyInAnyOrder("schedule.timezone", "schedule.daysOfWeek");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.MONTHLY, null, eight, null, null, null, 32, null)))
                .extracting(e -> e.field()).containsExactly("schedule.dayOfMonth");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.HOURLY, 0, null, null, null, null, null, null)))
                .extracting(e -> e.field()).containsExactly("schedule.everyHours");
    }

    @Test
    void shouldRejectLenientSchedules() {
        LocalTime eight = LocalTime.of(8, 30);
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.DAILY, null, eight, null, "", null, null, null)))
                .extracting(e -> e.field()).containsExactly("schedule.timezone");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.DAILY, null, eight, null, "Europe/Berlin\u0000", null, null, null)))
                .extracting(e -> e.field()).containsExactly("schedule.timezone");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.DAILY, null, eight, null, " UTC", null, null, null)))
                .extracting(e -> e.field()).containsExactly("schedule.timezone");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.ONE_TIME, null, eight, LocalDate.of(999_999_999, 12, 31),
                "UTC", null, null, null))).extracting(e -> e.field()).containsExactly("schedule.startDate");
        assertThat(ScheduleRules.validate(new Schedule(null, null, null, null, "UTC", null, null, null)))
                .extracting(e -> e.field()).containsExactly("schedule.type");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.DAILY, null, null, null, "UTC", null, null, null)))
                .extracting(e -> e.field()).containsExactly("schedule.startTime");
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.DAILY, null, eight, LocalDate.of(2026, 12, 1),
                "Europe/Berlin", null, null, null))).isEmpty();
        assertThat(ScheduleRules.validate(new Schedule(ScheduleType.MANUAL, null, null, null, null, null, null, null))).isEmpty();
    }
}
