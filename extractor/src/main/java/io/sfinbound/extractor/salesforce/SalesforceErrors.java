package io.sfinbound.extractor.salesforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.sfinbound.common.kafka.Json;

/** Salesforce error bodies: the REST array {@code [{"message","errorCode"}]}, the OAuth object, or anything else. */
public final class SalesforceErrors {

    private SalesforceErrors() {
    }

    /** The classified exception of an error answer. */
    public static SalesforceException parse(int status, byte[] body, Duration retryAfter) {
        String code = null;
        String message = null;
        try {
            JsonNode n = Json.mapper().readTree(body);
            JsonNode first = n != null && n.isArray() && !n.isEmpty() ? n.get(0) : n;
            if (first != null && first.isObject()) {
                code = text(first, "errorCode", text(first, "error", null));
                message = text(first, "message", text(first, "error_description", null));
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON (an HTML 503 page of a proxy, for example)
        }
        if (message == null && body.length > 0) {
            String raw = new String(body, StandardCharsets.UTF_8).strip();
            message = raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
        }
        return SalesforceException.of(status, code, message, retryAfter);
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
