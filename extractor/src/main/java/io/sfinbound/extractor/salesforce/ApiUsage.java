package io.sfinbound.extractor.salesforce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API usage from a {@code Sforce-Limit-Info} header ({@code api-usage=used/max}, possibly followed by
 * other segments such as {@code ; per-app-api-usage=...}, which a strict parser would choke on).
 *
 * @param used calls used in the rolling 24 hours
 * @param max  the org's daily limit
 */
public record ApiUsage(long used, long max) {

    private static final Pattern API_USAGE = Pattern.compile("(?:^|[;,\\s])api-usage=(\\d+)/(\\d+)");

    /** Parses the header, or returns null when it has no {@code api-usage} segment. */
    public static ApiUsage parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = API_USAGE.matcher(header);
        if (!m.find()) {
            return null;
        }
        return new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** Share of the quota used, 0..1 (1 when the limit is 0). */
    public double share() {
        return max <= 0 ? 1.0 : (double) used / max;
    }

    public long remaining() {
        return Math.max(0, max - used);
    }
}
