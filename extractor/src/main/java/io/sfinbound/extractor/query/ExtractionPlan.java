package io.sfinbound.extractor.query;

import io.sfinbound.common.job.JobConfig;
import io.sfinbound.extractor.normalize.FieldTypeResolver;
import io.sfinbound.extractor.salesforce.SObjectDescribe;

/**
 * What a run reads: the job, its object and date field, whether that field is a date, the window and the limit.
 *
 * @param job      job version
 * @param object   sObject of the job's SOQL
 * @param describe describe of the object
 * @param types    describe types of the selected field paths
 * @param dateOnly the date field is a {@code date}, not a {@code datetime}
 * @param window   the run's window
 * @param queries  the window queries of the job's SOQL
 */
public record ExtractionPlan(JobConfig job, String object, SObjectDescribe describe, FieldTypeResolver types, boolean dateOnly,
        QueryWindow window, WindowQueries queries) {

    public ExtractionPlan(JobConfig job, String object, SObjectDescribe describe, FieldTypeResolver types, boolean dateOnly,
            QueryWindow window) {
        this(job, object, describe, types, dateOnly, window, WindowQueries.of(job.soql(), job.dateField(), dateOnly));
    }

    public String dateField() {
        return job.dateField();
    }

    /** Records (conversations) still allowed after {@code extracted}; null for All. */
    public Integer remaining(long extracted) {
        Integer limit = job.recordLimit();
        return limit == null ? null : (int) Math.max(0, limit - extracted);
    }

    /** The SOQL of a window, limited to what the record limit still allows. */
    public String windowQuery(QueryWindow w, long extracted) {
        return queries.window(w, remaining(extracted));
    }

    /** {@code SELECT COUNT()} of the run's window. */
    public String countQuery() {
        return queries.count(window);
    }
}
