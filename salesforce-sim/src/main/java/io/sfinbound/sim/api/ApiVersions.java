package io.sfinbound.sim.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.sim.SimConfig;

/** The REST API versions served: 31.0 (Summer '14) up to {@code sim.api.max-version}; older ones are retired (410). */
@ApplicationScoped
public class ApiVersions {

    private final int min;
    private final int max;

    public ApiVersions(SimConfig config) {
        this.min = major(config.api().minVersion());
        this.max = major(config.api().maxVersion());
    }

    static int major(String v) {
        if (v == null || !v.matches("\\d{1,3}\\.0")) {
            return -1;
        }
        return Integer.parseInt(v.substring(0, v.indexOf('.')));
    }

    /** Whether the version is served. */
    public boolean supported(String v) {
        int m = major(v);
        return m >= min && m <= max;
    }

    /** Whether the version existed but is retired (answered with 410 Gone). */
    public boolean retired(String v) {
        int m = major(v);
        return m >= 20 && m < min;
    }

    public String latest() {
        return max + ".0";
    }

    /** Release label of a version: 31.0 = Summer '14, then Winter, Spring, Summer of the next year... */
    static String label(int v) {
        int k = v - 31;
        String season = switch (k % 3) {
            case 0 -> "Summer";
            case 1 -> "Winter";
            default -> "Spring";
        };
        int year = 14 + (k + 2) / 3;
        return season + " '" + year;
    }

    /** The {@code GET /services/data/} body. */
    public List<Map<String, String>> list() {
        List<Map<String, String>> out = new ArrayList<>();
        for (int v = min; v <= max; v++) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("label", label(v));
            m.put("url", "/services/data/v" + v + ".0");
            m.put("version", v + ".0");
            out.add(m);
        }
        return out;
    }
}
