package io.sfinbound.configapi.job;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The parts of a job version that the pipeline does not need: description, schedule and notifications.
 *
 * @param description   the job's description
 * @param schedule      the schedule
 * @param notifications who is told about what
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSettings(String description, Schedule schedule, Notifications notifications) {

    /**
     * Job notifications ("when to be notified").
     *
     * @param emails            e-mail recipients (watchers)
     * @param webhooks          webhook URLs
     * @param onFailed          run failed (default on)
     * @param onWarnings        run completed with warnings (default on)
     * @param onCompleted       run completed (opt-in)
     * @param onDeferred        run deferred for API quota (default on)
     * @param onCredentials     the connection's credentials expire soon or are invalid (default on)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notifications(List<String> emails, List<String> webhooks, Boolean onFailed, Boolean onWarnings,
            Boolean onCompleted, Boolean onDeferred, Boolean onCredentials) {

        /** No recipients, default events. */
        public static Notifications none() {
            return new Notifications(List.of(), List.of(), true, true, false, true, true);
        }
    }
}
