package io.sfinbound.sim.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders the rows of one response (a REST query page, a Bulk CSV page) in chunks on all cores and streams the chunks
 * in order as they are ready. Generating a record (a 2 KB chat body) costs far more than writing it, and a client
 * reads one cursor page after the other, so a single request must use every core; chunks keep each buffer small
 * (no multi-megabyte arrays, which G1 allocates as humongous objects and collects with full pauses) and bound the
 * memory in flight. Hand-written: no library maps ordered chunks to a stream with a bounded look-ahead.
 */
public final class ParallelRows {

    /** Renders a slice of rows to bytes. */
    @FunctionalInterface
    public interface ChunkRenderer<T> {
        byte[] render(List<T> rows, boolean first) throws IOException;
    }

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, daemon());

    private ParallelRows() {
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sim-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Writes {@code rows} to {@code out}, rendered {@code chunkSize} at a time, at most {@code 2 x cores} chunks ahead
     * of the writer.
     */
    public static <T> void write(List<T> rows, int chunkSize, ChunkRenderer<T> renderer, OutputStream out) throws IOException {
        if (rows.size() <= chunkSize || THREADS == 1) {
            for (int i = 0; i < rows.size(); i += chunkSize) {
                out.write(renderer.render(rows.subList(i, Math.min(rows.size(), i + chunkSize)), i == 0));
            }
            return;
        }
        int ahead = 2 * THREADS;
        Deque<CompletableFuture<byte[]>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < rows.size() || !inFlight.isEmpty()) {
                while (next < rows.size() && inFlight.size() < ahead) {
                    List<T> slice = rows.subList(next, Math.min(rows.size(), next + chunkSize));
                    boolean first = next == 0;
                    inFlight.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return renderer.render(slice, first);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, POOL));
                    next += slice.size();
                }
                out.write(inFlight.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        } finally {
            inFlight.forEach(f -> f.cancel(false));
        }
    }
}
