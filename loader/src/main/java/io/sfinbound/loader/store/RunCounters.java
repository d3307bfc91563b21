package io.sfinbound.loader.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** The absolute counters of one run at the loader, with the sequence of the event that carries them. */
public record RunCounters(
        String runId,
        long jobId,
        long sequence,
        long loaded,
        long updated,
        long unchanged,
        long skippedDuplicate,
        long filtered,
        long failed) {

    /** Distinct records accounted for. */
    public long accounted() {
        return loaded + updated + unchanged + skippedDuplicate + filtered + failed;
    }

    /** The counters as {@link io.sfinbound.common.record.RunEvent} carries them. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("loaded", loaded);
        m.put("updated", updated);
        m.put("unchanged", unchanged);
        m.put("skippedDuplicate", skippedDuplicate);
        m.put("filtered", filtered);
        m.put("failed", failed);
        m.put("accounted", accounted());
        return m;
    }
}
