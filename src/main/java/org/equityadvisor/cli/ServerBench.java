package org.equityadvisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * A fixed-rate load on a running server: the scenarios' assessments posted to /api/advice at a constant
 * rate, whatever the answers' pace. Each request's latency runs from the moment it was due to be sent, not
 * from when it went out, so a stalled server is charged for every request it held back (no coordinated
 * omission); the percentiles come from an HdrHistogram of every request, not from a sample.
 */
final class ServerBench {

    /** Latencies up to a minute, three significant digits. */
    private static final long MAX_LATENCY_NS = 60_000_000_000L;

    private ServerBench() {
    }

    /** The figures of one run at a fixed rate. */
    record Result(int rate, int seconds, long sent, long ok, long errors, long late, Histogram latency, double achieved) {
    }

    static int run(PrintWriter out, String url, String user, Path scenarios, int rate, int seconds, int warmup) throws Exception {
        List<String> bodies = bodies(scenarios);
        String auth = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        URI advice = URI.create((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/advice");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(2, daemon())).build();
        if (warmup > 0) {
            load(client, advice, auth, bodies, rate, warmup);
        }
        Result r = load(client, advice, auth, bodies, rate, seconds);
        if (r.ok() == 0) {
            out.println("No request succeeded; " + r.errors() + " failed (is the server up, and may " + user.split(":")[0] + " ask for advice?).");
            return Main.FINDINGS;
        }
        Histogram h = r.latency();
        out.printf(Locale.ROOT, "POST %s at a fixed %d requests/s for %d s (after %d s of warm-up): %d sent, %d answered 200, %d errors%n", advice, rate,
                seconds, warmup, r.sent(), r.ok(), r.errors());
        out.printf(Locale.ROOT, "achieved: %.0f requests/s; %d requests still unanswered at the end%n", r.achieved(), r.late());
        out.printf(Locale.ROOT, "latency from the intended send time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()));
        return r.errors() == 0 && r.late() == 0 ? Main.OK : Main.FINDINGS;
    }

    /**
     * Sends request i at {@code start + i / rate} (one scheduling thread, asynchronous sends) for {@code seconds},
     * then waits up to ten seconds for the answers still out; those never answered count as errors.
     */
    static Result load(HttpClient client, URI advice, String auth, List<String> bodies, int rate, int seconds) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(MAX_LATENCY_NS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long total = (long) rate * seconds;
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long lastDone = start;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(advice).header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (i % bodies.size())))).build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latency.recordValue(Math.min(MAX_LATENCY_NS, System.nanoTime() - due));
                if (failure == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            }));
            if (pending.size() >= 4096) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        long late = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (CompletableFuture<?> f : pending) {
            try {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // counted as an error where it completed
            } catch (TimeoutException e) {
                late++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(rate, seconds, total, ok.get(), errors.get() + late, late, latency, ok.get() / elapsed);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        };
    }

    /** Each scenario's assessment as a JSON request body (its name, description and expectations left out). */
    private static List<String> bodies(Path scenarios) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(scenarios)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                ObjectNode doc = (ObjectNode) yaml.readTree(f.toFile());
                doc.remove(Inputs.SCENARIO_FIELDS);
                out.add(json.writeValueAsString(doc));
            }
        } catch (IOException e) {
            throw new InputException(scenarios.toString(), new Problem(scenarios.toString(), "cannot be read: " + e.getMessage()));
        }
        if (out.isEmpty()) {
            throw new InputException(scenarios.toString(), new Problem(scenarios.toString(), "has no scenarios to post"));
        }
        return out;
    }
}
