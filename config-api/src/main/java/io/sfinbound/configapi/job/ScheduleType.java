package io.sfinbound.configapi.job;

/** How a job is scheduled. */
public enum ScheduleType {
    /** Never by itself: only "retrieve data" runs it. */
    MANUAL,
    /** Once, right after it is saved. */
    ONE_TIME,
    /** Every N hours on the start minute. */
    HOURLY,
    /** Every day at the start time. */
    DAILY,
    /** On chosen days of the week at the start time. */
    WEEKLY,
    /** On a day of the month (31 = the last day) at the start time. */
    MONTHLY
}
