package org.equityadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * Load on a running server: the scenarios' assessments posted to /api/advice from several threads for a
 * while, then requests per second, latency percentiles, and the server's own heap from its metrics.
 */
final class ServerBench {

    private ServerBench() {
    }

    static int run(PrintWriter out, String url, String user, Path scenarios, int threads, int seconds) throws Exception {
        List<String> bodies = bodies(scenarios);
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        load(client, base, auth, bodies, threads, Math.max(1, seconds / 2), new ArrayList<>(), new AtomicLong());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        load(client, base, auth, bodies, threads, seconds, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            out.println("No request succeeded; " + errors.get() + " failed (is the server up, and may " + user.split(":")[0] + " ask for advice?).");
            return Main.FINDINGS;
        }
        out.printf("POST /api/advice, %d threads, %d s: %d requests, %.0f requests/s, %d errors%n", threads, seconds, sorted.length,
                sorted.length / elapsed, errors.get());
        out.printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
        HttpResponse<String> heap = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        if (heap.statusCode() == 200) {
            JsonNode value = new ObjectMapper().readTree(heap.body()).path("measurements").path(0).path("value");
            out.printf("server heap in use after the run: %.0f MB%n", value.asDouble() / 1048576.0);
        }
        return errors.get() == 0 ? Main.OK : Main.FINDINGS;
    }

    private static void load(HttpClient client, String base, String auth, List<String> bodies, int threads, int seconds, List<Long> latencies,
            AtomicLong errors) throws Exception {
        Repeat.onThreads(threads, seconds, i -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/advice")).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    latencies.add(System.nanoTime() - t0);
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        });
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
