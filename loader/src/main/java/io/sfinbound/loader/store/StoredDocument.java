package io.sfinbound.loader.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;

/**
 * A document as stored: the {@link XmdDocument} fields plus where it came from and when it was loaded.
 *
 * @param jobVersion     the job version whose mapping made it
 * @param runId          the run that last wrote it
 * @param loadDate       when that run wrote it
 * @param sourceRecordId Salesforce Id of the source record
 */
public record StoredDocument(
        String naturalId,
        Instant documentDate,
        String feedbackProvider,
        String sourceValue,
        String feedbackType,
        String jobName,
        Map<String, AttributeValue> attributes,
        List<Verbatim> verbatims,
        Conversation conversation,
        int redactions,
        long projectId,
        long jobId,
        int jobVersion,
        String runId,
        Instant loadDate,
        String sourceRecordId) {

    static StoredDocument of(XmdDocument d, long projectId, long jobId, int jobVersion, String runId, Instant loadDate,
            String sourceRecordId) {
        return new StoredDocument(d.naturalId(), d.documentDate(), d.feedbackProvider(), d.sourceValue(), d.feedbackType(),
                d.jobName(), d.attributes(), d.verbatims(), d.conversation(), d.redactions(), projectId, jobId, jobVersion,
                runId, loadDate, sourceRecordId);
    }
}
