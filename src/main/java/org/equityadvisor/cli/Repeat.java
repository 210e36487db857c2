package org.equityadvisor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a step over and over on several threads for a while: the loop both benchmarks share. */
final class Repeat {

    /** One call of the measured step; {@code i} counts up from the thread's own offset. */
    interface Step {
        void run(int i) throws Exception;
    }

    private Repeat() {
    }

    static void onThreads(int threads, int seconds, Step step) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < end) {
                        step.run(i++);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
