package io.sfinbound.configapi.run;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.record.RunEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code sfinbound.run-events} (group {@code config-api}). A malformed record (null value after a failed
 * deserialization) is logged and skipped; a database failure is retried, then the record is skipped, which is safe
 * because counters are absolute and the next event of the stage repairs them.
 */
@ApplicationScoped
public class RunEventConsumer {

    private final RunService runs;

    public RunEventConsumer(RunService runs) {
        this.runs = runs;
    }

    @Incoming(Channels.RUN_EVENTS_IN)
    @Blocking(ordered = true)
    @Retry(maxRetries = 5, delay = 200, jitter = 100)
    public void consume(ConsumerRecord<String, RunEvent> record) {
        if (record.value() == null) {
            Log.warnf("malformed run event at %s-%d@%d skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        runs.apply(record.value());
    }
}
