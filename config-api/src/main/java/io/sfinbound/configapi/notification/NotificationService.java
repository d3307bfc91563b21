package io.sfinbound.configapi.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.configapi.config.ConfigApiConfig;
import io.sfinbound.configapi.connection.Connection;
import io.sfinbound.configapi.job.Job;
import io.sfinbound.configapi.job.JobService;
import io.sfinbound.configapi.job.JobSettings;
import io.sfinbound.configapi.oauth.TokenBroker;
import io.sfinbound.configapi.run.RunFinished;
import io.sfinbound.configapi.run.RunStatus;

/**
 * Sends job notifications to the job's watchers (e-mail over SMTP with quarkus-mailer, and webhooks): run failed,
 * completed with warnings, completed (opt-in), deferred; and connection notifications: credentials expiring (checked
 * daily, once per expiration date) and credentials invalid. Sending happens off the caller's thread, after commit.
 */
@ApplicationScoped
public class NotificationService {

    private final Mailer mailer;
    private final WebhookClient webhooks;
    private final JobService jobs;
    private final ConfigApiConfig config;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "notifications");
        t.setDaemon(true);
        return t;
    });

    public NotificationService(Mailer mailer, WebhookClient webhooks, JobService jobs, ConfigApiConfig config) {
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.jobs = jobs;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    void onRunFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunFinished f) {
        executor.submit(() -> notifyRun(f));
    }

    void onCredentialsInvalid(@Observes TokenBroker.CredentialsInvalidEvent e) {
        executor.submit(() -> notifyConnection(e.connectionId(), "CREDENTIALS_INVALID",
                "Salesforce refused the credentials of connection " + e.connectionName(),
                Map.of("connectionId", e.connectionId(), "connection", e.connectionName(), "reason", e.reason())));
    }

    private void notifyRun(RunFinished f) {
        try {
            JobService.JobState state = QuarkusTransaction.requiringNew().call(() -> jobs.findJob(f.jobId()));
            JobSettings.Notifications n = state.settings().notifications();
            if (n == null) {
                return;
            }
            String event;
            boolean wanted;
            if (f.status() == RunStatus.FAILED) {
                event = "RUN_FAILED";
                wanted = !Boolean.FALSE.equals(n.onFailed());
            } else if (f.status() == RunStatus.COMPLETED_WITH_WARNINGS) {
                event = "RUN_COMPLETED_WITH_WARNINGS";
                wanted = !Boolean.FALSE.equals(n.onWarnings());
            } else if (f.status() == RunStatus.COMPLETED) {
                event = "RUN_COMPLETED";
                wanted = Boolean.TRUE.equals(n.onCompleted());
            } else if (f.status() == RunStatus.DEFERRED) {
                event = "RUN_DEFERRED";
                wanted = !Boolean.FALSE.equals(n.onDeferred());
            } else {
                return;
            }
            if (!wanted) {
                return;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("jobId", f.jobId());
            details.put("jobName", state.job().name);
            details.put("runId", f.runId());
            details.put("status", f.status().name());
            if (f.message() != null) {
                details.put("message", f.message());
            }
            Notification note = new Notification(event, "Job " + state.job().name + ": run " + f.status().name().toLowerCase().replace('_', ' '),
                    details, Instant.now());
            send(note, n.emails(), n.webhooks());
        } catch (RuntimeException e) {
            Log.errorf("notification of run %s failed: %s", f.runId(), e.toString());
        }
    }

    /** Notifies the watchers of every job of a connection (with credential notifications on) and the admin recipients. */
    void notifyConnection(long connectionId, String event, String subject, Map<String, Object> details) {
        try {
            Set<String> emails = new LinkedHashSet<>(config.notifications().adminEmails().orElse(List.of()));
            Set<String> hooks = new LinkedHashSet<>();
            List<JobService.JobState> using = QuarkusTransaction.requiringNew().call(() -> {
                List<JobService.JobState> out = new ArrayList<>();
                for (Job j : Job.<Job>list("connectionId = ?1 and deletedAt is null", connectionId)) {
                    out.add(jobs.findJob(j.id));
                }
                return out;
            });
            for (JobService.JobState s : using) {
                JobSettings.Notifications n = s.settings().notifications();
                if (n != null && !Boolean.FALSE.equals(n.onCredentials())) {
                    emails.addAll(n.emails() == null ? List.of() : n.emails());
                    hooks.addAll(n.webhooks() == null ? List.of() : n.webhooks());
                }
            }
            send(new Notification(event, subject, details, Instant.now()), new ArrayList<>(emails), new ArrayList<>(hooks));
        } catch (RuntimeException e) {
            Log.errorf("notification of connection %d failed: %s", connectionId, e.toString());
        }
    }

    /** The daily credential expiry check. */
    @Scheduled(identity = "credential-expiry", cron = "${sfinbound.notifications.expiry-check-cron:0 0 6 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dailyExpiryCheck() {
        checkExpiry(LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Notifies, once per expiration date, every connection whose credentials expire within its days-before window.
     * The claim of a connection ({@code expiry_notified_on}) is committed before sending, so several instances send once.
     *
     * @return the connections notified
     */
    public List<Long> checkExpiry(LocalDate today) {
        List<Connection> due = QuarkusTransaction.requiringNew().call(() -> {
            List<Connection> claimed = new ArrayList<>();
            for (Connection c : Connection.<Connection>list("sendExpiryNotifications = true and deletedAt is null "
                    + "and expirationDate is not null and expiryNotifiedOn is null")) {
                int days = c.daysBeforeExpiry == null ? 7 : c.daysBeforeExpiry;
                if (!today.isBefore(c.expirationDate.minusDays(days))) {
                    int updated = Connection.update("expiryNotifiedOn = ?1 where id = ?2 and expiryNotifiedOn is null", today, c.id);
                    if (updated == 1) {
                        claimed.add(c);
                    }
                }
            }
            return claimed;
        });
        List<Long> ids = new ArrayList<>();
        for (Connection c : due) {
            long left = java.time.temporal.ChronoUnit.DAYS.between(today, c.expirationDate);
            notifyConnection(c.id, "CREDENTIALS_EXPIRING", "The credentials of connection " + c.name
                    + (left < 0 ? " expired on " : " expire on ") + c.expirationDate,
                    Map.of("connectionId", c.id, "connection", c.name, "expirationDate", c.expirationDate.toString(), "daysLeft", left));
            ids.add(c.id);
        }
        return ids;
    }

    private void send(Notification note, List<String> emails, List<String> hooks) {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(note);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (emails != null && !emails.isEmpty()) {
            StringBuilder text = new StringBuilder(note.subject()).append("\n\n");
            note.details().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            text.append("\nat ").append(note.at()).append('\n');
            List<Mail> mails = new ArrayList<>();
            for (String to : emails) {
                mails.add(Mail.withText(to, "[sfinbound] " + note.subject(), text.toString()));
            }
            try {
                mailer.send(mails.toArray(Mail[]::new));
            } catch (RuntimeException first) {
                // a pooled SMTP connection the server closed fails once; a new connection usually works
                try {
                    mailer.send(mails.toArray(Mail[]::new));
                } catch (RuntimeException e) {
                    Log.errorf("e-mail notification %s failed: %s", note.event(), e.toString());
                }
            }
        }
        if (hooks != null) {
            for (String url : hooks) {
                try {
                    webhooks.post(url, note.event(), body);
                } catch (Exception e) {
                    Log.errorf("webhook notification %s to %s failed after retries: %s", note.event(), url, e.toString());
                }
            }
        }
    }
}
