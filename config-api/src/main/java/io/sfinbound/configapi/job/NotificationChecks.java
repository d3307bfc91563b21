package io.sfinbound.configapi.job;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import io.sfinbound.common.problem.Problem;

/** Checks of a job's notification settings. */
final class NotificationChecks {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private NotificationChecks() {
    }

    static void validate(JobSettings.Notifications n, List<Problem.FieldError> errors) {
        if (n.emails() != null) {
            for (int i = 0; i < n.emails().size(); i++) {
                String e = n.emails().get(i);
                if (e == null || !EMAIL.matcher(e.trim()).matches()) {
                    errors.add(new Problem.FieldError("notifications.emails[" + i + "]", "is not an e-mail address"));
                }
            }
        }
        if (n.webhooks() != null) {
            for (int i = 0; i < n.webhooks().size(); i++) {
                String w = n.webhooks().get(i);
                String why = null;
                try {
                    URI u = URI.create(w);
                    if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                        why = "must be an http(s) URL";
                    }
                } catch (RuntimeException ex) {
                    why = "is not a URL";
                }
                if (why != null) {
                    errors.add(new Problem.FieldError("notifications.webhooks[" + i + "]", why));
                }
            }
        }
    }
}
