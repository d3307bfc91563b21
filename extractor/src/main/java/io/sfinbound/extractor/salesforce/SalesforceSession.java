package io.sfinbound.extractor.salesforce;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.sfinbound.extractor.configapi.AccessToken;
import io.sfinbound.extractor.run.RunCancelledException;

/**
 * One run's view of a Salesforce org: the connection, the API version, the current token (shared per connection by
 * {@link TokenProvider}), the run's API call count and its cancellation flag.
 */
public final class SalesforceSession {

    private final long connectionId;
    private final String apiVersion;
    private final TokenProvider tokens;
    private final BooleanSupplier cancelled;
    private final AtomicLong apiCalls = new AtomicLong();
    private volatile AccessToken token;

    public SalesforceSession(long connectionId, String apiVersion, TokenProvider tokens, BooleanSupplier cancelled) {
        this.connectionId = connectionId;
        this.apiVersion = normalizeVersion(apiVersion);
        this.tokens = tokens;
        this.cancelled = cancelled;
        this.token = tokens.current(connectionId);
    }

    private static String normalizeVersion(String v) {
        if (v == null || v.isBlank()) {
            return "62.0";
        }
        String s = v.strip();
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        return s.contains(".") ? s : s + ".0";
    }

    public long connectionId() {
        return connectionId;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public AccessToken token() {
        return token;
    }

    public String orgId() {
        return token.orgId();
    }

    /** {@code <instance>/services/data/vXX.X}. */
    public String dataUrl() {
        return stripSlash(token.instanceUrl()) + "/services/data/v" + apiVersion;
    }

    /** Resolves a server-relative path such as a {@code nextRecordsUrl} against the instance URL. */
    public String resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        return stripSlash(token.instanceUrl()) + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
    }

    /** After {@code INVALID_SESSION_ID} with {@code rejected}: a fresh token (forced refresh unless another run already got one). */
    AccessToken refreshAfterRejection(AccessToken rejected) {
        token = tokens.refresh(connectionId, rejected);
        return token;
    }

    void countCall() {
        apiCalls.incrementAndGet();
    }

    /** API calls this run sent. */
    public long apiCalls() {
        return apiCalls.get();
    }

    /** Throws when the run was cancelled. */
    public void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new RunCancelledException("run cancelled");
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
