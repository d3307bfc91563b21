package io.sfinbound.loader;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.Stage;
import io.sfinbound.loader.KafkaTaps.Tap;

/** Watches the loader's output topics for one run; taps are shared by the test classes of the JVM. */
public final class Runs {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Tap<RunEvent> events;
    private static Tap<LoadResult> results;
    private static Tap<DeadLetter> deadLetters;

    private Runs() {
    }

    private static synchronized void open() {
        if (events == null) {
            KafkaTaps.ensureTopics();
            events = new Tap<>(Topics.RUN_EVENTS, RunEvent.class);
            results = new Tap<>(Topics.LOAD_RESULTS, LoadResult.class);
            deadLetters = new Tap<>(Topics.DOCUMENTS_DLQ, DeadLetter.class);
        }
    }

    /** The loader's latest PROGRESS event of the run. */
    public static synchronized Optional<RunEvent> latest(String run) {
        open();
        return events.matching(e -> run.equals(e.runId()) && e.stage() == Stage.LOADER).stream()
                .max((a, b) -> Long.compare(a.sequence(), b.sequence()));
    }

    /** Waits until the run's latest counters account for that many records, and returns them. */
    public static Map<String, Long> awaitAccounted(String run, long accounted) {
        await().atMost(WAIT).until(() -> latest(run).map(e -> e.counters().get("accounted") == accounted).orElse(false));
        return latest(run).orElseThrow().counters();
    }

    /** Waits until a PROGRESS event with a sequence above {@code sequence} arrived, and returns it. */
    public static RunEvent awaitAfter(String run, long sequence) {
        await().atMost(WAIT).until(() -> latest(run).map(e -> e.sequence() > sequence).orElse(false));
        return latest(run).orElseThrow();
    }

    /** Load results of the run read so far. */
    public static synchronized List<LoadResult> results(String run) {
        open();
        return results.matching(r -> run.equals(r.runId()));
    }

    /** Dead letters of the run read so far ({@code null} run: those without a run id). */
    public static synchronized List<DeadLetter> deadLetters(String run) {
        open();
        return deadLetters.matching(d -> run == null ? d.runId() == null : run.equals(d.runId()));
    }
}
