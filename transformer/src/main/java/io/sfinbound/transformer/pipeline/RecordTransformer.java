package io.sfinbound.transformer.pipeline;

import io.sfinbound.transform.job.TransformException;
import io.sfinbound.transform.job.SensitiveValues;
import io.sfinbound.transform.job.CompiledJob;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.transformer.conversation.ConversationVerbatims;
import io.sfinbound.transformer.conversation.LiveChatConversations;
import io.sfinbound.transformer.conversation.MessagingConversations;
import io.sfinbound.transform.expression.ExpressionException;
import io.sfinbound.transform.mapping.FieldPaths;
import io.sfinbound.transform.mapping.SalesforceValues;
import io.sfinbound.transform.redaction.TextRedactor;

/**
 * The whole transformation of one extracted record with its compiled job version: connector filter, default data
 * mapping, field mappings with their transformations, the conversation and its verbatim split, then substitution
 * and redaction. Every record yields exactly one {@link DocumentMessage}: DOCUMENT, FILTERED with the reason, or
 * DEAD_LETTERED with the reason and a {@link DeadLetter}. Plain Java (no Quarkus), thread-safe.
 * <p>
 * Fields that no mapping names are mapped as XM Discover's mapping screen does by default: under their own
 * (case-sensitive) path, typed by their value (number, date, else text). The live chat {@code Body} and the
 * messaging {@code ConversationEntries} become the conversation instead. A mapping with DO_NOT_MAP drops a field.
 */
public final class RecordTransformer {

    private final LiveChatConversations liveChat = new LiveChatConversations();
    private final MessagingConversations messaging = new MessagingConversations();
    private final Clock clock;

    public RecordTransformer(Clock clock) {
        this.clock = clock;
    }

    /** Transforms a record; never throws for a bad record (it becomes DEAD_LETTERED). */
    public TransformResult transform(ExtractedRecord record, CompiledJob job) {
        try {
            return map(record, job);
        } catch (TransformException e) {
            return deadLetter(record, e.code(), e.getMessage());
        } catch (ExpressionException e) {
            return deadLetter(record, TransformException.EXPRESSION_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            // A bug must not stop the pipeline; the record is kept in the DLQ with the error for a replay.
            return deadLetter(record, "INTERNAL_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A DEAD_LETTERED outcome for a record that cannot even be mapped (unknown job version, invalid job). */
    public TransformResult deadLetter(ExtractedRecord record, String code, String message) {
        // The outcome goes on to the redacted topics: it names fields and positions, never record values.
        String reason = code + ": " + SensitiveValues.withoutValues(message);
        DocumentMessage doc = new DocumentMessage(record.runId(), record.jobId(), record.jobVersion(), record.projectId(),
                record.recordId(), DocumentKind.DEAD_LETTERED, reason, null);
        DeadLetter dl = new DeadLetter(record.runId(), record.jobId(), record.recordId(), Stage.TRANSFORMER, code, message,
                Json.mapper().valueToTree(record), clock.instant());
        return new TransformResult(doc, dl);
    }

    private TransformResult map(ExtractedRecord record, CompiledJob compiled) {
        JobConfig job = compiled.job();
        JsonNode data = record.data();
        if (data == null || !data.isObject()) {
            throw new TransformException(TransformException.MALFORMED_RECORD, "the record has no data object");
        }
        if (record.recordId() == null || record.recordId().isBlank()) {
            throw new TransformException(TransformException.MALFORMED_RECORD, "the record has no Id");
        }
        if (compiled.filter() != null) {
            Object keep = compiled.filter().evaluate(data, NullNode.getInstance());
            boolean matches = Boolean.TRUE.equals(keep);
            boolean drop = compiled.filterMode() == ConnectorFilter.Mode.INCLUDE ? !matches : matches;
            if (drop) {
                String reason = "connector filter (" + compiled.filterMode() + ") "
                        + (matches ? "matched" : "did not match") + ": " + job.filter().expression();
                return new TransformResult(new DocumentMessage(record.runId(), record.jobId(), record.jobVersion(),
                        record.projectId(), record.recordId(), DocumentKind.FILTERED, reason, null), null);
            }
        }
        DefaultMapping dm = job.defaultMapping() == null ? DefaultMapping.defaults() : job.defaultMapping();
        String naturalId = naturalId(record, data, dm, compiled);
        Instant documentDate = documentDate(record, data, dm, job);
        String sourceValue = textOf(compiled.sourceValue().apply(
                TextNode.valueOf(dm.sourceValue() == null ? DefaultMapping.DEFAULT_SOURCE_VALUE : dm.sourceValue()), data));
        String feedbackType = textOf(compiled.feedbackType().apply(
                TextNode.valueOf(dm.feedbackType() == null ? DefaultMapping.DEFAULT_FEEDBACK_TYPE : dm.feedbackType()), data));

        TextRedactor redactor = compiled.redactor();
        int[] redactions = {0};
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        List<Verbatim> verbatims = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (CompiledJob.CompiledMapping cm : compiled.mappings()) {
            FieldMapping fm = cm.mapping();
            if (fm.sourceField() != null) {
                mapped.add(fm.sourceField());
            }
            if (fm.dataType() == AttributeType.DO_NOT_MAP) {
                continue;
            }
            JsonNode value;
            if (fm.hardcodedValue() != null) {
                value = TextNode.valueOf(fm.hardcodedValue());
            } else {
                FieldPaths.Resolution r = FieldPaths.resolve(data, fm.sourceField());
                if (r instanceof FieldPaths.Missing missing) {
                    throw new TransformException(TransformException.FIELD_NOT_FOUND, missing.describe(fm.sourceField()));
                }
                value = ((FieldPaths.Found) r).value();
            }
            value = cm.transform().apply(value, data);
            if (fm.dataType() == AttributeType.VERBATIM) {
                String text = SalesforceValues.text(value);
                if (text != null && !text.isBlank()) {
                    verbatims.add(new Verbatim(fm.targetAttribute(), redact(redactor, text, redactions)));
                }
            } else {
                attributes.put(fm.targetAttribute(), typed(fm.dataType(), value, fm.sourceField(), fm.targetAttribute()));
            }
        }
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        FieldPaths.leaves(data, "", leaves);
        for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
            String path = leaf.getKey();
            if (mapped.contains(path) || attributes.containsKey(path) || isConversationSource(job.dataType(), path)) {
                continue;
            }
            attributes.put(path, inferred(leaf.getValue()));
        }
        if (redactor != null && job.redaction() != null && job.redaction().textAttributes() != null) {
            for (String name : job.redaction().textAttributes()) {
                AttributeValue a = attributes.get(name);
                if (a != null && a.type() == AttributeType.TEXT && a.value().isTextual()) {
                    attributes.put(name, new AttributeValue(AttributeType.TEXT,
                            TextNode.valueOf(redact(redactor, a.value().textValue(), redactions))));
                }
            }
        }

        Conversation conversation = null;
        if (job.dataType() == DataType.LIVE_CHAT) {
            conversation = liveChat.build(data, job.participantMode());
        } else if (job.dataType() == DataType.SMS_TEXT) {
            conversation = messaging.build(data, job.participantMode());
        }
        if (conversation != null) {
            List<Conversation.Turn> turns = new ArrayList<>(conversation.turns().size());
            for (Conversation.Turn t : conversation.turns()) {
                turns.add(new Conversation.Turn(t.index(), t.participantId(), t.timestamp(),
                        redact(redactor, t.text(), redactions)));
            }
            conversation = new Conversation(conversation.participants(), List.copyOf(turns));
            List<Verbatim> split = ConversationVerbatims.split(conversation);
            split.addAll(verbatims);
            verbatims = split;
        }
        XmdDocument doc = new XmdDocument(naturalId, documentDate, DefaultMapping.FEEDBACK_PROVIDER, sourceValue,
                feedbackType, job.name(), attributes, List.copyOf(verbatims), conversation, redactions[0]);
        return new TransformResult(new DocumentMessage(record.runId(), record.jobId(), record.jobVersion(),
                record.projectId(), record.recordId(), DocumentKind.DOCUMENT, null, doc), null);
    }

    private static boolean isConversationSource(DataType type, String path) {
        return (type == DataType.LIVE_CHAT && (path.equals("Body") || path.equals("SupervisorTranscriptBody")))
                || (type == DataType.SMS_TEXT && path.startsWith("ConversationEntries"));
    }

    private static String redact(TextRedactor redactor, String text, int[] count) {
        if (redactor == null || text == null || text.isEmpty()) {
            return text;
        }
        TextRedactor.Result r = redactor.redact(text);
        count[0] += r.redactions();
        return r.text();
    }

    private static String naturalId(ExtractedRecord record, JsonNode data, DefaultMapping dm, CompiledJob compiled) {
        JsonNode value;
        if (dm.naturalIdField() == null || dm.naturalIdField().isBlank()) {
            JsonNode id = data.get("Id");
            String sfId = id != null && id.isTextual() ? id.textValue() : record.recordId();
            value = TextNode.valueOf(DefaultMapping.NATURAL_ID_PREFIX + sfId);
        } else {
            FieldPaths.Resolution r = FieldPaths.resolve(data, dm.naturalIdField());
            if (r instanceof FieldPaths.Missing missing) {
                throw new TransformException(TransformException.FIELD_NOT_FOUND, missing.describe(dm.naturalIdField()));
            }
            value = ((FieldPaths.Found) r).value();
            if (value.isContainerNode() || value.isBoolean()) {
                throw new TransformException(TransformException.TYPE_MISMATCH,
                        "natural id field '" + dm.naturalIdField() + "' must be a text or number field");
            }
        }
        String id = textOf(compiled.naturalId().apply(value, data));
        if (id == null || id.isBlank()) {
            throw new TransformException(TransformException.NATURAL_ID_MISSING, "the natural id is empty"
                    + (dm.naturalIdField() == null ? "" : " (field '" + dm.naturalIdField() + "')"));
        }
        return id;
    }

    private Instant documentDate(ExtractedRecord record, JsonNode data, DefaultMapping dm, JobConfig job) {
        if (dm.documentDateFixed() != null) {
            return dm.documentDateFixed();
        }
        String chosen = dm.documentDateField() != null && !dm.documentDateField().isBlank() ? dm.documentDateField()
                : job.dateField();
        if (chosen == null || chosen.isBlank()) {
            chosen = data.has("CreatedDate") ? "CreatedDate" : null;
        }
        String field = chosen;
        if (field == null) {
            return record.extractedAt() != null ? record.extractedAt() : clock.instant();
        }
        FieldPaths.Resolution r = FieldPaths.resolve(data, field);
        if (r instanceof FieldPaths.Missing missing) {
            throw new TransformException(TransformException.FIELD_NOT_FOUND, missing.describe(field));
        }
        JsonNode value = ((FieldPaths.Found) r).value();
        return SalesforceValues.instant(value).orElseThrow(() -> new TransformException(
                TransformException.DOCUMENT_DATE_MISSING,
                "document date field '" + field + "' is " + (value.isNull() ? "empty" : "not a date: " + SensitiveValues.quote(value))));
    }

    private static String textOf(JsonNode node) {
        return SalesforceValues.text(node);
    }

    static AttributeValue typed(AttributeType type, JsonNode value, String source, String target) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new AttributeValue(type, NullNode.getInstance());
        }
        String what = source != null ? "field '" + source + "'" : "attribute '" + target + "'";
        return switch (type) {
            case NUMBER -> {
                if (value.isTextual() && value.textValue().isBlank()) {
                    yield new AttributeValue(type, NullNode.getInstance());
                }
                if (value.isNumber()) {
                    yield new AttributeValue(type, value);
                }
                yield new AttributeValue(type, SalesforceValues.number(value)
                        .map(d -> (JsonNode) com.fasterxml.jackson.databind.node.DecimalNode.valueOf(d))
                        .orElseThrow(() -> new TransformException(TransformException.TYPE_MISMATCH,
                                what + " is mapped as NUMBER but its value " + SensitiveValues.quote(value) + " is not a number")));
            }
            case DATE -> {
                if (value.isTextual() && value.textValue().isBlank()) {
                    yield new AttributeValue(type, NullNode.getInstance());
                }
                yield new AttributeValue(type, SalesforceValues.instant(value)
                        .map(i -> (JsonNode) TextNode.valueOf(i.toString()))
                        .orElseThrow(() -> new TransformException(TransformException.TYPE_MISMATCH,
                                what + " is mapped as DATE but its value " + SensitiveValues.quote(value) + " is not a date")));
            }
            default -> {
                if (value.isContainerNode()) {
                    throw new TransformException(TransformException.TYPE_MISMATCH,
                            what + " is an object or a list, not a " + type + " value");
                }
                yield new AttributeValue(AttributeType.TEXT, TextNode.valueOf(SalesforceValues.text(value)));
            }
        };
    }

    private static AttributeValue inferred(JsonNode value) {
        if (value.isNumber()) {
            return new AttributeValue(AttributeType.NUMBER, value);
        }
        if (SalesforceValues.isDateText(value)) {
            return typed(AttributeType.DATE, value, null, null);
        }
        if (value.isNull()) {
            return new AttributeValue(AttributeType.TEXT, NullNode.getInstance());
        }
        return new AttributeValue(AttributeType.TEXT, TextNode.valueOf(SalesforceValues.text(value)));
    }
}
