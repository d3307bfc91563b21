package io.sfinbound.transformer.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.Stage;
import io.sfinbound.transformer.config.TransformerConfig;
import io.sfinbound.transformer.job.JobVersions;
import io.sfinbound.transform.job.CompiledJob;
import io.sfinbound.transform.job.SensitiveValues;
import io.sfinbound.transform.job.TransformException;
import io.sfinbound.transformer.pipeline.TransformResult;
import io.sfinbound.transformer.pipeline.TransformerEngine;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Consumes {@code sfinbound.records} and publishes exactly one {@link DocumentMessage} per record to
 * {@code sfinbound.documents} (and the {@link DeadLetter} of a poison record to {@code sfinbound.records.dlq}).
 * The record's offset is committed only after its outputs are acknowledged by the broker: the outgoing message's
 * acknowledgement acknowledges the incoming one, after the dead letter's. Lineage headers are copied.
 */
@ApplicationScoped
public class RecordProcessor {

    /** Value of the stage lineage header this service writes. */
    public static final String STAGE = "transformer";

    /** Dead-letter code of a document over {@code transformer.max-document-bytes}. */
    public static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";

    /**
     * A document repeats its source text at most a few times (the conversation's turns and the verbatims): only a
     * record above this share of the limit is worth serializing twice to measure its document.
     */
    private static final int SIZE_CHECK_SHARE = 8;

    private final JobVersions jobVersions;
    private final TransformerEngine engine;
    private final MutinyEmitter<DeadLetter> deadLetters;
    private final int maxDocumentBytes;
    private final Clock clock = Clock.systemUTC();

    RecordProcessor(JobVersions jobVersions, TransformerEngine engine, TransformerConfig config,
            @Channel(Channels.RECORDS_DLQ_OUT) MutinyEmitter<DeadLetter> deadLetters) {
        this.jobVersions = jobVersions;
        this.engine = engine;
        this.deadLetters = deadLetters;
        this.maxDocumentBytes = config.maxDocumentBytes();
    }

    /** Transforms one record; runs on a worker thread because fetching a job version blocks. */
    @Incoming(Channels.RECORDS_IN)
    @Outgoing(Channels.DOCUMENTS_OUT)
    @Blocking
    public Message<DocumentMessage> process(Message<ExtractedRecord> in) {
        IncomingKafkaRecordMetadata<?, ?> meta = in.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        ExtractedRecord record = in.getPayload();
        TransformResult result = record == null ? unreadable(meta) : transform(record);
        if (record != null && result.deadLetter() == null) {
            result = withinSizeLimit(record, result, meta);
        }
        Headers headers = lineage(meta, record);
        String key = result.key();
        CompletionStage<Void> dlqSent = CompletableFuture.completedFuture(null);
        if (result.deadLetter() != null) {
            Log.warnf("[process] - record %s of run %s dead-lettered: %s", result.message().sourceRecordId(),
                    result.message().runId(), result.message().reason());
            String dlqKey = meta != null && meta.getKey() != null ? String.valueOf(meta.getKey())
                    : result.message().jobId() + "/" + result.message().sourceRecordId();
            Message<DeadLetter> dl = Message.of(result.deadLetter()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(dlqKey).withHeaders(copy(headers)).build());
            dlqSent = deadLetters.sendMessage(dl).subscribeAsCompletionStage();
        }
        CompletionStage<Void> dlqDone = dlqSent;
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build());
        return Message.of(result.message(), metadata,
                () -> dlqDone.thenCompose(v -> in.ack()),
                failure -> in.nack(failure));
    }

    private TransformResult transform(ExtractedRecord record) {
        CompiledJob job;
        try {
            job = jobVersions.compiled(record.jobId(), record.jobVersion());
        } catch (TransformException e) {
            return engine.transformer().deadLetter(record, e.code(), e.getMessage());
        }
        return engine.transformer().transform(record, job);
    }

    private TransformResult withinSizeLimit(ExtractedRecord record, TransformResult result, IncomingKafkaRecordMetadata<?, ?> meta) {
        ConsumerRecord<?, ?> raw = meta == null ? null : meta.getRecord();
        if (raw != null && raw.serializedValueSize() >= 0 && raw.serializedValueSize() < maxDocumentBytes / SIZE_CHECK_SHARE) {
            return result;
        }
        int size;
        try {
            size = Json.mapper().writeValueAsBytes(result.message()).length;
        } catch (JsonProcessingException e) {
            return engine.transformer().deadLetter(record, TransformException.MALFORMED_RECORD, "the document cannot be serialized: "
                    + e.getOriginalMessage());
        }
        if (size <= maxDocumentBytes) {
            return result;
        }
        return engine.transformer().deadLetter(record, DOCUMENT_TOO_LARGE, "the document is " + size
                + " bytes serialized, over the limit of " + maxDocumentBytes + " (transformer.max-document-bytes)");
    }

    /** A value that is not an ExtractedRecord: dead-lettered with what the key and the lineage headers tell. */
    private TransformResult unreadable(IncomingKafkaRecordMetadata<?, ?> meta) {
        String key = meta == null || meta.getKey() == null ? "" : String.valueOf(meta.getKey());
        int slash = key.indexOf('/');
        String recordId = slash >= 0 ? key.substring(slash + 1) : key;
        Headers h = meta == null ? new RecordHeaders() : meta.getHeaders();
        long jobId = parseLong(header(h, LineageHeaders.JOB_ID), slash > 0 ? parseLong(key.substring(0, slash), 0) : 0);
        int version = (int) parseLong(header(h, LineageHeaders.JOB_VERSION), 0);
        String reason = header(h, "deserialization-failure-reason");
        ExtractedRecord stub = new ExtractedRecord(header(h, LineageHeaders.RUN_ID), jobId, version, 0,
                header(h, LineageHeaders.SOURCE_OBJECT), recordId, header(h, LineageHeaders.API), null, null);
        // The deserializer's reason may quote the payload: it stays in the DLQ only.
        TransformResult r = engine.transformer().deadLetter(stub, TransformException.UNREADABLE_RECORD,
                "the value is not an ExtractedRecord" + (reason == null ? "" : ": " + SensitiveValues.quote(reason)));
        byte[] raw = h.lastHeader("deserialization-failure-data") == null ? null
                : h.lastHeader("deserialization-failure-data").value();
        if (raw == null) {
            return r;
        }
        DeadLetter d = r.deadLetter();
        return new TransformResult(r.message(), new DeadLetter(d.runId(), d.jobId(), d.sourceRecordId(), Stage.TRANSFORMER,
                d.error(), d.reason(), com.fasterxml.jackson.databind.node.TextNode.valueOf(
                        new String(raw, StandardCharsets.UTF_8)), clock.instant()));
    }

    private static Headers lineage(IncomingKafkaRecordMetadata<?, ?> meta, ExtractedRecord record) {
        RecordHeaders out = new RecordHeaders();
        if (meta != null && meta.getHeaders() != null) {
            for (Header h : meta.getHeaders()) {
                if (h.key().startsWith("sfinbound-") && !h.key().equals(LineageHeaders.STAGE)) {
                    out.add(h.key(), h.value());
                }
            }
        }
        if (record != null) {
            putIfAbsent(out, LineageHeaders.JOB_ID, String.valueOf(record.jobId()));
            putIfAbsent(out, LineageHeaders.RUN_ID, record.runId());
            putIfAbsent(out, LineageHeaders.JOB_VERSION, String.valueOf(record.jobVersion()));
            putIfAbsent(out, LineageHeaders.SOURCE_OBJECT, record.objectType());
            putIfAbsent(out, LineageHeaders.API, record.api());
        }
        out.add(LineageHeaders.STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static void putIfAbsent(RecordHeaders headers, String key, String value) {
        if (value != null && headers.lastHeader(key) == null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Headers copy(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        headers.forEach(h -> copy.add(h.key(), h.value()));
        return copy;
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return s == null ? otherwise : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
