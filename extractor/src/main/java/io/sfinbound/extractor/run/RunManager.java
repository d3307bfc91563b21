package io.sfinbound.extractor.run;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.extractor.ExtractorConfig;

/**
 * Runs requests on a bounded pool of run threads, keeps the running ones by run id so that a cancel request stops
 * them at once, and acknowledges each request only when its run published its final event.
 */
@ApplicationScoped
public class RunManager {

    private final ExtractionService service;
    private final ExecutorService executor;
    private final Map<String, RunContext> runs = new ConcurrentHashMap<>();
    private final Set<String> cancelledEarly = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    }));

    public RunManager(ExtractionService service, ExtractorConfig config, MeterRegistry metrics) {
        this.service = service;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, config.maxConcurrentRuns()), r -> {
            Thread t = new Thread(r, "extractor-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("sfinbound.extractor.runs.active", runs, Map::size).description("Runs queued or running in this instance")
                .register(metrics);
    }

    /**
     * Queues a run. {@code ack} is called once the run published its final event; it is not called when the
     * extractor stops first, so that the request is redelivered.
     */
    public void submit(RunRequest request, Runnable ack) {
        RunContext ctx = new RunContext(request, Clock.systemUTC());
        RunContext existing = runs.putIfAbsent(request.runId(), ctx);
        if (existing != null) {
            // a redelivery (after a rebalance) of a request this instance is already running: acknowledged with it
            Log.infof("run %s is already running here; the redelivered request waits for it", request.runId());
            existing.onEnd(ack);
            return;
        }
        if (cancelledEarly.remove(request.runId())) {
            ctx.cancel();
        }
        ctx.onEnd(ack);
        executor.execute(() -> {
            ctx.attach(Thread.currentThread());
            boolean done;
            try {
                done = service.run(ctx);
            } finally {
                ctx.attach(null);
                runs.remove(request.runId());
                Thread.interrupted();
            }
            if (done) {
                ctx.acknowledgeAll();
            }
        });
    }

    /** Cancels a queued or running run of this instance; remembers the id when the run is not known yet. */
    public void cancel(String runId) {
        RunContext ctx = runs.get(runId);
        if (ctx != null) {
            Log.infof("cancelling run %s", runId);
            ctx.cancel();
        } else {
            cancelledEarly.add(runId);
        }
    }

    /** Whether the run is queued or running here. */
    public boolean isActive(String runId) {
        return runs.containsKey(runId);
    }

    @PreDestroy
    void stop() {
        runs.values().forEach(RunContext::shutdown);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
