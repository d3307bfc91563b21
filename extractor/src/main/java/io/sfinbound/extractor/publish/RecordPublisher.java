package io.sfinbound.extractor.publish;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.run.RunCancelledException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes extracted records to {@code sfinbound.records} (idempotent producer, {@code acks=all}, see
 * application.properties). Each run gets a {@link Sink} that bounds the records in flight, so a fast Salesforce
 * read waits for Kafka instead of filling the heap, and that can wait until every record is acknowledged.
 */
@ApplicationScoped
public class RecordPublisher {

    private final Emitter<ExtractedRecord> emitter;
    private final int maxInFlight;

    public RecordPublisher(@Channel(Channels.RECORDS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<ExtractedRecord> emitter, ExtractorConfig config) {
        this.emitter = emitter;
        this.maxInFlight = Math.max(1, config.maxInFlightRecords());
    }

    /** A sink for one run. */
    public Sink open(Lineage lineage) {
        return new Sink(lineage);
    }

    /** The records of one run: bounded in flight, failures remembered, drained before the run's final event. */
    public final class Sink {
        private final Lineage lineage;
        private final Semaphore permits = new Semaphore(maxInFlight);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong acked = new AtomicLong();

        private Sink(Lineage lineage) {
            this.lineage = lineage;
        }

        /** Sends one record; blocks while the in-flight bound is reached. */
        public void publish(ExtractedRecord record) {
            Throwable f = failure.get();
            if (f != null) {
                throw new PublishException("publishing to Kafka failed: " + f.getMessage(), f);
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException("interrupted while publishing");
            }
            OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(record.key())
                    .withHeaders(lineage.headers(record.api()))
                    .build();
            sent.incrementAndGet();
            Message<ExtractedRecord> message = Message.of(record, Metadata.of(meta), () -> {
                acked.incrementAndGet();
                permits.release();
                return CompletableFuture.completedFuture(null);
            }, t -> {
                failure.compareAndSet(null, t);
                permits.release();
                return CompletableFuture.completedFuture(null);
            });
            try {
                emitter.send(message);
            } catch (RuntimeException e) {
                permits.release();
                failure.compareAndSet(null, e);
                throw new PublishException("publishing to Kafka failed: " + e.getMessage(), e);
            }
        }

        /** Waits until every record sent is acknowledged by Kafka; throws when one failed. */
        public void awaitAll(Duration timeout) {
            try {
                if (!permits.tryAcquire(maxInFlight, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new PublishException("Kafka did not acknowledge " + (sent.get() - acked.get()) + " records within " + timeout, null);
                }
                permits.release(maxInFlight);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException("interrupted while waiting for Kafka");
            }
            Throwable f = failure.get();
            if (f != null) {
                throw new PublishException("publishing to Kafka failed: " + f.getMessage(), f);
            }
        }

        /** Records acknowledged by Kafka. */
        public long acknowledged() {
            return acked.get();
        }
    }

    /** Kafka refused or lost a record. */
    public static class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
