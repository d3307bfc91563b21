package io.sfinbound.loader.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.loader.config.TransientException;
import io.sfinbound.loader.load.BatchOutcome.Out;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes a committed batch's dead letters, load results and run events, and waits until the broker has them all:
 * only then may the batch's offsets be committed.
 */
@ApplicationScoped
public class ResultPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final MutinyEmitter<DeadLetter> deadLetters;
    private final MutinyEmitter<LoadResult> results;
    private final MutinyEmitter<RunEvent> events;

    public ResultPublisher(
            @Channel(Channels.DOCUMENTS_DLQ_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<DeadLetter> deadLetters,
            @Channel(Channels.LOAD_RESULTS_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<LoadResult> results,
            @Channel(Channels.RUN_EVENTS_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<RunEvent> events) {
        this.deadLetters = deadLetters;
        this.results = results;
        this.events = events;
    }

    /**
     * Publishes everything and blocks until acknowledged.
     *
     * @throws TransientException when the broker did not acknowledge in time
     */
    public void publish(BatchOutcome outcome) {
        try {
            // dead letters and results first, then the counters that sum them up
            List<Uni<Void>> sent = new ArrayList<>();
            outcome.deadLetters().forEach(o -> sent.add(deadLetters.sendMessage(message(o))));
            outcome.results().forEach(o -> sent.add(results.sendMessage(message(o))));
            await(sent);
            List<Uni<Void>> progress = new ArrayList<>();
            outcome.events().forEach(o -> progress.add(events.sendMessage(message(o))));
            await(progress);
        } catch (RuntimeException e) {
            throw new TransientException("publishing the batch's results failed: " + e.getMessage(), e);
        }
    }

    private static void await(List<Uni<Void>> sent) {
        if (!sent.isEmpty()) {
            Uni.join().all(sent).andFailFast().await().atMost(ACK_TIMEOUT);
        }
    }

    private static <T> Message<T> message(Out<T> out) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> h : out.headers().entrySet()) {
            headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return Message.of(out.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(out.key()).withHeaders(headers).build());
    }
}
