package io.sfinbound.stack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot methods of a JFR recording: the top frame of every {@code jdk.ExecutionSample}, counted, as {@code jfr view
 * hot-methods} prints on JDK 21+ (this reads the file with the JDK 17 consumer API, so any JDK of the stack does).
 * Also counts the samples whose stack holds a frame of each top-level package, to name what dominates.
 */
public final class HotMethods {

    private HotMethods() {
    }

    /** The top {@code top} methods with their share of the samples, as text lines. */
    public static String top(Path jfr, int top) throws IOException {
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        try (RecordingFile f = new RecordingFile(jfr)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                methods.merge(name(st.getFrames().get(0)), 1, Integer::sum);
                // the innermost frame of our own code: which of our methods the time is spent under
                for (RecordedFrame fr : st.getFrames()) {
                    String n = name(fr);
                    if (n.startsWith("io.sfinbound.")) {
                        ours.merge(n, 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d execution samples in %s%n", samples, jfr.getFileName()));
        sb.append("hot methods (top frame):\n");
        append(sb, methods, samples, top);
        sb.append("innermost sfinbound frame of each sample:\n");
        append(sb, ours, samples, top);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Map<String, Integer> counts, int samples, int top) {
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).toList();
        for (Map.Entry<String, Integer> e : sorted) {
            sb.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
        }
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
