package io.sfinbound.loader.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.sfinbound.common.kafka.Channels;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.loader.config.LoaderConfig;
import io.sfinbound.loader.config.TransientException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code sfinbound.documents} in batches (group {@code loader}).
 * <p>
 * Why SmallRye batch mode rather than a hand-written consumer loop: with {@code commit-strategy=throttled} the
 * connector commits an offset only once every record up to it has been acknowledged, and this method acknowledges a
 * batch only after its database transaction committed and the broker acknowledged its results and run events. That is
 * exactly "offsets after the database commit", while the connector keeps polling (no rebalance during a long retry),
 * pauses the partitions when we fall behind, commits on revocation and reports health, which a hand-written loop
 * would have to redo. A crash after the commit and before the offset commit redelivers the batch; the outcome table
 * makes that harmless.
 */
@ApplicationScoped
public class DocumentConsumer {

    private final LoadService loadService;
    private final ResultPublisher publisher;
    private final LoaderConfig config;
    private volatile boolean stopping;

    public DocumentConsumer(LoadService loadService, ResultPublisher publisher, LoaderConfig config) {
        this.loadService = loadService;
        this.publisher = publisher;
        this.config = config;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(Channels.DOCUMENTS_IN)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<InboundMessage> inbound = new ArrayList<>();
        for (KafkaRecord<String, byte[]> r : batch) {
            inbound.add(parse(r.getKey(), r.getPayload(), r.getHeaders()));
        }
        process(inbound);
        return batch.ack();
    }

    /**
     * Loads and publishes a batch, retrying failures with exponential backoff until they succeed: a batch is
     * never skipped, so nothing is lost, and redoing it is harmless.
     */
    void process(List<InboundMessage> inbound) {
        Duration delay = config.retry().initialDelay();
        for (int attempt = 1;; attempt++) {
            try {
                BatchOutcome outcome = loadService.load(inbound);
                publisher.publish(outcome);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                // transient failures are expected; anything else is a bug or an unforeseen input, logged with its
                // stack trace, and still retried rather than skipped: losing a batch is worse than stalling on it
                if (e instanceof TransientException) {
                    Log.warnf("[process] - batch of %d failed (attempt %d), retrying in %s: %s", inbound.size(), attempt,
                            delay, e.getMessage());
                } else {
                    Log.errorf(e, "[process] - batch of %d failed unexpectedly (attempt %d), retrying in %s", inbound.size(),
                            attempt, delay);
                }
                sleep(delay);
                delay = delay.multipliedBy(2);
                if (delay.compareTo(config.retry().maxDelay()) > 0) {
                    delay = config.retry().maxDelay();
                }
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while waiting to retry");
        }
    }

    /** Parses one record; a malformed one keeps whatever identifies its run, so it can still be accounted for. */
    public static InboundMessage parse(String key, byte[] value, Iterable<Header> headers) {
        Map<String, String> lineage = new LinkedHashMap<>();
        if (headers != null) {
            for (Header h : headers) {
                if (h.key().startsWith("sfinbound-") && h.value() != null) {
                    lineage.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
            }
        }
        if (value == null) {
            return new InboundMessage(key, null, null, "empty value", lineage);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(value);
        } catch (Exception e) {
            return new InboundMessage(key, null, new TextNode(new String(value, StandardCharsets.UTF_8)),
                    "not JSON: " + e.getMessage(), lineage);
        }
        if (tree == null || !tree.isObject()) {
            return new InboundMessage(key, null, tree, "not a JSON object", lineage);
        }
        try {
            return new InboundMessage(key, Json.mapper().treeToValue(tree, DocumentMessage.class), tree, null, lineage);
        } catch (Exception e) {
            DocumentMessage partial = new DocumentMessage(text(tree, "runId"), tree.path("jobId").asLong(),
                    tree.path("jobVersion").asInt(), tree.path("projectId").asLong(), text(tree, "sourceRecordId"), null,
                    null, null);
            return new InboundMessage(key, partial, tree, "not a DocumentMessage: " + firstLine(e.getMessage()), lineage);
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
