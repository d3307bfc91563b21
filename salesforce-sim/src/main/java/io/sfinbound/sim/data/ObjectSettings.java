package io.sfinbound.sim.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

/**
 * Generation settings of one object, from {@code sim.data.<Object>.<key>} (see the README for every key):
 * {@code count}, {@code start}, {@code interval}, {@code same-timestamp}, {@code update-ratio}, {@code delete-ratio},
 * {@code body-size}, and for child objects {@code min-per-parent}/{@code max-per-parent}.
 *
 * @param count number of records (root objects; child objects follow their parents)
 * @param start timestamp of the first record
 * @param interval time between consecutive timestamps
 * @param sameTimestamp how many consecutive records share one timestamp
 * @param updateRatio share of records last modified well after they were created
 * @param deleteRatio share of records soft-deleted (visible to queryAll only)
 * @param bodySize target size in characters of long text (chat bodies, comments)
 * @param minPerParent fewest children per parent
 * @param maxPerParent most children per parent
 */
public record ObjectSettings(long count, Instant start, Duration interval, int sameTimestamp, double updateRatio,
                             double deleteRatio, int bodySize, int minPerParent, int maxPerParent) {

    /** Built-in defaults: small data sets that start instantly. */
    static final Map<String, ObjectSettings> DEFAULTS = Map.ofEntries(
            Map.entry("User", root(25, "2024-01-02T08:00:00Z", "PT6H")),
            Map.entry("Account", root(40, "2024-02-01T09:00:00Z", "PT3H")),
            Map.entry("Contact", root(120, "2024-03-01T09:00:00Z", "PT1H")),
            Map.entry("Case", root(150, "2025-01-01T00:00:00Z", "PT17M")),
            Map.entry("LiveChatTranscript", root(50, "2025-01-01T00:00:00Z", "PT10M")),
            Map.entry("LiveChatTranscriptEvent", child(4, 9)),
            Map.entry("MessagingEndUser", root(40, "2024-06-01T00:00:00Z", "PT2H")),
            Map.entry("MessagingSession", root(60, "2025-01-01T00:00:00Z", "PT12M")),
            Map.entry("ConversationEntry", child(4, 24)),
            Map.entry("SurveyResponse", root(40, "2025-01-01T00:00:00Z", "PT25M")),
            Map.entry("SurveyQuestionResponse", child(3, 6)),
            Map.entry("Feedback__c", root(60, "2025-01-01T00:00:00Z", "PT15M")));

    private static ObjectSettings root(long count, String start, String interval) {
        return new ObjectSettings(count, Instant.parse(start), Duration.parse(interval), 1, 0.0, 0.0, 2048, 0, 0);
    }

    private static ObjectSettings child(int min, int max) {
        return new ObjectSettings(0, Instant.EPOCH, Duration.ZERO, 1, 0.0, 0.0, 400, min, max);
    }

    /** The settings of an object: defaults overridden by configuration. */
    static ObjectSettings load(Config config, String object) {
        ObjectSettings d = DEFAULTS.get(object);
        String p = "sim.data." + object + ".";
        long count = config.getOptionalValue(p + "count", Long.class).orElse(d.count);
        Instant start = config.getOptionalValue(p + "start", String.class).map(Instant::parse).orElse(d.start);
        Duration interval = config.getOptionalValue(p + "interval", String.class).map(Duration::parse).orElse(d.interval);
        int same = config.getOptionalValue(p + "same-timestamp", Integer.class).orElse(d.sameTimestamp);
        double upd = config.getOptionalValue(p + "update-ratio", Double.class).orElse(d.updateRatio);
        double del = config.getOptionalValue(p + "delete-ratio", Double.class).orElse(d.deleteRatio);
        int body = config.getOptionalValue(p + "body-size", Integer.class).orElse(d.bodySize);
        int min = config.getOptionalValue(p + "min-per-parent", Integer.class).orElse(d.minPerParent);
        int max = config.getOptionalValue(p + "max-per-parent", Integer.class).orElse(d.maxPerParent);
        if (count < 0 || same < 1 || interval.isNegative() || upd < 0 || upd > 1 || del < 0 || del > 1 || min > max || body < 100) {
            throw new IllegalArgumentException("invalid sim.data." + object + " settings");
        }
        return new ObjectSettings(count, start, interval, same, upd, del, body, min, max);
    }
}
