package io.sfinbound.configapi.run;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.RunRequest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes run requests to {@code sfinbound.run-requests}, keyed by job id. Only {@link OutboxRelay} calls it: every
 * request goes through the outbox.
 */
@ApplicationScoped
public class RunRequestPublisher {

    private final MutinyEmitter<RunRequest> emitter;

    public RunRequestPublisher(@Channel(Channels.RUN_REQUESTS_OUT) MutinyEmitter<RunRequest> emitter) {
        this.emitter = emitter;
    }

    /** Sends a request; the future completes when Kafka acknowledged it, exceptionally when it did not. */
    public CompletableFuture<Void> publishAsync(RunRequest request) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineageHeaders.JOB_ID, bytes(String.valueOf(request.jobId())));
        headers.add(LineageHeaders.RUN_ID, bytes(request.runId()));
        headers.add(LineageHeaders.JOB_VERSION, bytes(String.valueOf(request.jobVersion())));
        headers.add(LineageHeaders.STAGE, bytes("config-api"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(String.valueOf(request.jobId()))
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(request).addMetadata(metadata)).subscribeAsCompletionStage();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
