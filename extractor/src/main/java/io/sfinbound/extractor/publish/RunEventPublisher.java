package io.sfinbound.extractor.publish;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.record.RunEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes run events to {@code sfinbound.run-events}, keyed by run id, and waits for Kafka's acknowledgement. */
@ApplicationScoped
public class RunEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final Emitter<RunEvent> emitter;

    public RunEventPublisher(@Channel(Channels.RUN_EVENTS_OUT) Emitter<RunEvent> emitter) {
        this.emitter = emitter;
    }

    /** Sends the event and returns once Kafka acknowledged it. */
    public void publish(RunEvent event, Lineage lineage) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.runId())
                .withHeaders(lineage.headers(null))
                .build();
        emitter.send(Message.of(event, Metadata.of(meta), () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }, t -> {
            done.completeExceptionally(t);
            return CompletableFuture.completedFuture(null);
        }));
        try {
            done.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // the final event of a cancelled run must still go out: wait once more without the interrupt
            try {
                done.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception again) {
                throw new RecordPublisher.PublishException("run event not acknowledged: " + again, again);
            } finally {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new RecordPublisher.PublishException("run event not acknowledged: " + e, e);
        }
    }
}
