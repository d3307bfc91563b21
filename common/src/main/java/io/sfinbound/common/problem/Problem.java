package io.sfinbound.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx of every service ({@code application/problem+json}).
 *
 * @param type     a URI naming the problem type, {@code about:blank} when the status says it all
 * @param title    short summary of the problem type
 * @param status   the HTTP status
 * @param detail   what went wrong in this occurrence
 * @param instance the request path
 * @param errors   the fields (or SOQL positions) at fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field at fault.
     *
     * @param field   JSON path of the field, for example {@code schedule.timezone}, or {@code soql}
     * @param message what is wrong with it
     * @param line    for SOQL: 1-based line of the error
     * @param column  for SOQL: 1-based column of the error
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line, Integer column) {

        public FieldError(String field, String message) {
            this(field, message, null, null);
        }
    }
}
