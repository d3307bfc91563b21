package io.sfinbound.extractor.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunRequest;

/**
 * Consumes {@code sfinbound.run-requests} (group {@code extractor}). A START request is handed to the
 * {@link RunManager} and acknowledged only when its run ends, so its offset is committed (throttled commit strategy:
 * in order, per partition) only after the run's records and final event are in Kafka. A CANCEL is applied at once.
 */
@ApplicationScoped
public class RunRequestConsumer {

    private final RunManager runs;

    public RunRequestConsumer(RunManager runs) {
        this.runs = runs;
    }

    @Incoming(Channels.RUN_REQUESTS_IN)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onRequest(Message<RunRequest> message) {
        RunRequest request = message.getPayload();
        if (request == null || request.runId() == null || request.action() == null) {
            Log.warnf("skipping a malformed run request: %s", request);
            return message.ack();
        }
        if (request.action() == RunAction.CANCEL) {
            runs.cancel(request.runId());
            return message.ack();
        }
        runs.submit(request, () -> message.ack());
        return CompletableFuture.completedFuture(null);
    }
}
