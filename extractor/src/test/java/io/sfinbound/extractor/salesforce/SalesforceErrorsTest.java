package io.sfinbound.extractor.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.sfinbound.extractor.salesforce.SalesforceException.Kind;

/** Error classification, Sforce-Limit-Info parsing and the retry backoff. Plain JUnit: no I/O. */
class SalesforceErrorsTest {

    @Test
    void classifiesByErrorCodeThenStatus() {
        assertThat(SalesforceException.of(401, "INVALID_SESSION_ID", "Session expired or invalid", null).kind()).isEqualTo(Kind.SESSION_EXPIRED);
        assertThat(SalesforceException.of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", null).kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(SalesforceException.of(400, "QUERY_TIMEOUT", "Your query request was running for too long.", null).kind())
                .isEqualTo(Kind.QUERY_TIMEOUT);
        assertThat(SalesforceException.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator", null).kind()).isEqualTo(Kind.INVALID_LOCATOR);
        assertThat(SalesforceException.of(503, "SERVER_UNAVAILABLE", "Server too busy", null).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(SalesforceException.of(502, null, "<html>Bad gateway</html>", null).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(SalesforceException.of(429, null, null, null).kind()).isEqualTo(Kind.TRANSIENT);
        SalesforceException malformed = SalesforceException.of(400, "MALFORMED_QUERY", "unexpected token: FORM", null);
        assertThat(malformed.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(malformed.getMessage()).isEqualTo("MALFORMED_QUERY: unexpected token: FORM");
        assertThat(SalesforceException.of(400, "INVALID_FIELD", "No such column 'Foo'", null).kind()).isEqualTo(Kind.PERMANENT);
        assertThat(SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist", null).kind()).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void parsesErrorBodiesOfBothShapes() {
        SalesforceException a = SalesforceErrors.parse(400, "[{\"message\":\"No such column\",\"errorCode\":\"INVALID_FIELD\",\"fields\":[]}]".getBytes(), null);
        assertThat(a.errorCode()).isEqualTo("INVALID_FIELD");
        SalesforceException b = SalesforceErrors.parse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}".getBytes(), null);
        assertThat(b.getMessage()).isEqualTo("invalid_grant: authentication failure");
        SalesforceException c = SalesforceErrors.parse(503, "<html><body>Service Unavailable</body></html>".getBytes(), Duration.ofSeconds(3));
        assertThat(c.isTransient()).isTrue();
        assertThat(c.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void readsApiUsageEvenWithOtherSegments() {
        assertThat(ApiUsage.parse("api-usage=10018/100000")).isEqualTo(new ApiUsage(10018, 100000));
        assertThat(ApiUsage.parse("api-usage=25/15000; per-app-api-usage=17/250(appName=sample)")).isEqualTo(new ApiUsage(25, 15000));
        assertThat(ApiUsage.parse("per-app-api-usage=17/250(appName=sample)")).isNull();
        assertThat(ApiUsage.parse(null)).isNull();
        assertThat(new ApiUsage(90, 100).share()).isEqualTo(0.9);
        assertThat(new ApiUsage(120, 100).remaining()).isZero();
    }

    @Test
    void backoffGrowsExponentiallyWithBoundedJitterAndHonorsRetryAfter() {
        BackoffStrategy b = new BackoffStrategy(Duration.ofSeconds(8), Duration.ofSeconds(60), 0.25);
        b.init(1000);
        RuntimeException plain = new RuntimeException();
        assertThat(b.nextDelayInMillis(plain)).isBetween(750L, 1250L);
        assertThat(b.nextDelayInMillis(plain)).isBetween(1500L, 2500L);
        assertThat(b.nextDelayInMillis(plain)).isBetween(3000L, 5000L);
        assertThat(b.nextDelayInMillis(plain)).isBetween(6000L, 10000L);
        assertThat(b.nextDelayInMillis(plain)).isBetween(6000L, 10000L);
        SalesforceException retryAfter = SalesforceException.of(503, "SERVER_UNAVAILABLE", "busy", Duration.ofSeconds(30));
        assertThat(b.nextDelayInMillis(retryAfter)).isGreaterThanOrEqualTo(30_000L);
        SalesforceException absurd = SalesforceException.of(503, "SERVER_UNAVAILABLE", "busy", Duration.ofDays(1));
        assertThat(b.nextDelayInMillis(absurd)).isEqualTo(60_000L);
    }
}
