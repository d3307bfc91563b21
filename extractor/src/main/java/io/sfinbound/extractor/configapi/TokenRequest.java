package io.sfinbound.extractor.configapi;

/**
 * Body of {@code POST /internal/connections/{id}/token}.
 *
 * @param forceRefresh true after Salesforce answered {@code 401 INVALID_SESSION_ID}
 */
public record TokenRequest(boolean forceRefresh) {
}
