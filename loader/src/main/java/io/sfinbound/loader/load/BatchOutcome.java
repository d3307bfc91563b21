package io.sfinbound.loader.load;

import java.util.List;
import java.util.Map;

import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;

/**
 * What a committed batch has to publish, in this order: dead letters, load results, then each run's PROGRESS event.
 */
public record BatchOutcome(List<Out<DeadLetter>> deadLetters, List<Out<LoadResult>> results, List<Out<RunEvent>> events) {

    /**
     * One message to publish.
     *
     * @param key     Kafka key
     * @param value   value
     * @param headers lineage headers
     */
    public record Out<T>(String key, T value, Map<String, String> headers) {
    }
}
