package io.sfinbound.common.job;

import java.time.Instant;

/**
 * The XM Discover default data mapping of a Salesforce job.
 *
 * @param naturalIdField           field whose value is the natural id; {@code null} means the default {@code Salesforce;<Id>}
 * @param naturalIdTransformation  optional transformation of the natural id
 * @param documentDateField        date field of the document date; {@code null} means the job's date field
 * @param documentDateFixed        a fixed document date instead of a field
 * @param sourceValue              default {@code Salesforce}
 * @param sourceValueTransformation optional transformation of source_value
 * @param feedbackType             default {@code Operational reporting}
 * @param feedbackTypeTransformation optional transformation of feedback_type
 */
public record DefaultMapping(
        String naturalIdField,
        Transformation naturalIdTransformation,
        String documentDateField,
        Instant documentDateFixed,
        String sourceValue,
        Transformation sourceValueTransformation,
        String feedbackType,
        Transformation feedbackTypeTransformation) {

    public static final String DEFAULT_SOURCE_VALUE = "Salesforce";
    public static final String DEFAULT_FEEDBACK_TYPE = "Operational reporting";
    public static final String FEEDBACK_PROVIDER = "Salesforce";
    public static final String NATURAL_ID_PREFIX = "Salesforce;";

    /** The defaults of a new job. */
    public static DefaultMapping defaults() {
        return new DefaultMapping(null, null, null, null, DEFAULT_SOURCE_VALUE, null, DEFAULT_FEEDBACK_TYPE, null);
    }
}
