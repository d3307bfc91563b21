package io.sfinbound.common.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One XM Discover-style document, mapped and redacted.
 *
 * @param naturalId        unique per project; default {@code Salesforce;<Id>}
 * @param documentDate     the document date (job's date field by default)
 * @param feedbackProvider always {@code Salesforce}
 * @param sourceValue      default {@code Salesforce}
 * @param feedbackType     default {@code Operational reporting}
 * @param jobName          the job's name
 * @param attributes       mapped attributes by target name, typed
 * @param verbatims        verbatims (feedback text, or a conversation's client, agent and unknown verbatims)
 * @param conversation     the conversation for chat and SMS jobs; {@code null} for feedback
 * @param redactions       how many redactions were applied to this document
 */
public record XmdDocument(
        String naturalId,
        Instant documentDate,
        String feedbackProvider,
        String sourceValue,
        String feedbackType,
        String jobName,
        Map<String, AttributeValue> attributes,
        List<Verbatim> verbatims,
        Conversation conversation,
        int redactions) {
}
