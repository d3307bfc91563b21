package io.sfinbound.stack.bench;

import java.util.List;

/**
 * Figures derived from the once-a-second samples of a benchmark run: a stage's throughput over the time it was
 * active, and the largest value of a series. Pure functions, so that the benchmark's arithmetic is tested.
 */
public final class Series {

    private Series() {
    }

    /** One sample: seconds since the run was requested, and a cumulative count (records through a stage). */
    public record Point(double t, long count) {
    }

    /**
     * Records per second of a stage over the time it was active: from the last sample before its count first moved to
     * the first sample at which it reached its final count. With samples a second apart the figure is exact to about
     * two seconds of the stage's active time; a stage that never moved has rate 0.
     */
    public static double activeRate(List<Point> points) {
        if (points.isEmpty()) {
            return 0;
        }
        long total = points.get(points.size() - 1).count();
        if (total <= 0) {
            return 0;
        }
        double start = points.get(0).t();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).count() > 0) {
                start = i == 0 ? points.get(0).t() : points.get(i - 1).t();
                break;
            }
        }
        double end = points.get(points.size() - 1).t();
        for (Point p : points) {
            if (p.count() >= total) {
                end = p.t();
                break;
            }
        }
        double seconds = end - start;
        return seconds <= 0 ? 0 : total / seconds;
    }

    /** The seconds (since the run was requested) at which the count first reached its final value, or -1. */
    public static double doneAt(List<Point> points) {
        if (points.isEmpty() || points.get(points.size() - 1).count() <= 0) {
            return -1;
        }
        long total = points.get(points.size() - 1).count();
        return points.stream().filter(p -> p.count() >= total).findFirst().map(Point::t).orElse(-1.0);
    }

    /** The largest count of a series, 0 when empty. */
    public static long max(List<Point> points) {
        return points.stream().mapToLong(Point::count).max().orElse(0);
    }
}
