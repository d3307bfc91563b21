package io.sfinbound.configapi.job;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job's schedule, as in XM Discover's "Schedule incremental runs" step.
 *
 * @param type                 manual, one-time, hourly, daily, weekly or monthly
 * @param everyHours           hourly: every N hours (1 to 24), default 1
 * @param startTime            "Starts on" time of day, default 00:00
 * @param startDate            first day the schedule may fire, default the day it is saved
 * @param timezone             IANA time zone of the start time, default UTC
 * @param daysOfWeek           weekly: the days
 * @param dayOfMonth           monthly: 1 to 31, 31 meaning the last day of every month
 * @param createWithoutPulling "Create job but do not pull data": no run right after the job is created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A job schedule (XM Discover next-run rules)")
public record Schedule(
        @Schema(example = "DAILY") ScheduleType type,
        @Schema(example = "4") Integer everyHours,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "08:30") LocalTime startTime,
        @Schema(example = "2026-12-01") LocalDate startDate,
        @Schema(example = "Europe/Berlin") String timezone,
        Set<DayOfWeek> daysOfWeek,
        @Schema(example = "31") Integer dayOfMonth,
        Boolean createWithoutPulling) {

    /** The schedule of a job that does not name one. */
    public static Schedule manual() {
        return new Schedule(ScheduleType.MANUAL, null, null, null, null, null, null, null);
    }
}
