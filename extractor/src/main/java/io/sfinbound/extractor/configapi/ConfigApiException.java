package io.sfinbound.extractor.configapi;

/** config-api refused a request for a reason that retrying cannot fix (missing job version, revoked credentials). */
public class ConfigApiException extends RuntimeException {

    public ConfigApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
