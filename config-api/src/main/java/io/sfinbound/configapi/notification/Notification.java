package io.sfinbound.configapi.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One notification, as the webhook JSON body and the e-mail content.
 *
 * @param event   RUN_FAILED, RUN_COMPLETED_WITH_WARNINGS, RUN_COMPLETED, RUN_DEFERRED, CREDENTIALS_EXPIRING, CREDENTIALS_INVALID
 * @param subject a one-line summary
 * @param details ids and counters (never a secret)
 * @param at      when it happened
 */
public record Notification(String event, String subject, Map<String, Object> details, Instant at) {
}
