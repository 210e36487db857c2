package org.equityadvisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.equityadvisor.server.EquityAdvisorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs the everyday commands once, in this one JVM, on the bundled rules and scenarios, then starts the server,
 * asks it for one advice and stops it. The build runs it with {@code -XX:DumpLoadedClassList} to list the
 * classes for the launcher's class-data archive, so that the archive holds the classes every command and
 * the server need and each later start skips loading and verifying them (most of a short command's wall time).
 */
@Command(name = "cds-train", hidden = true, description = "Exercise the common commands once (used by the launcher to build its class-data archive).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenariosOption scenarioFolder;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("equity-advisor-train");
        try {
            // An empty cache: the first command compiles the rules (the path after a rule change), the next load them.
            System.setProperty("equityadvisor.cache", work.resolve("cache").toString());
            Path scenarios = scenarioFolder.folder();
            String district = scenarios.resolve("riverbend-rural-high-poverty.yaml").toString();
            String plan = work.resolve("plan.json").toString();
            List<List<String>> commands = List.of(
                    List.of("--help"), List.of("advise", "--help"),
                    List.of("rules", "check"),
                    List.of("advise", district), List.of("advise", district, "--format", "json"), List.of("advise", district, "--format", "markdown"),
                    List.of("explain", district),
                    List.of("rules", "test", "--scenarios", scenarios.toString()),
                    List.of("plan", "draft", district, "--top", "3", "--out", plan),
                    List.of("plan", "check", plan),
                    List.of("plan", "export", plan, "--format", "pdf", "--out", work.resolve("plan.pdf").toString()),
                    List.of("plan", "export", plan, "--format", "docx", "--out", work.resolve("plan.docx").toString()));
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            for (List<String> args : commands) {
                Main.execute(quiet, quiet, args.toArray(String[]::new));
            }
            serve(work, district);
            return Main.OK;
        } finally {
            delete(work);
        }
    }

    /** Starts the server on a free loopback port, asks it for one advice, the framework and the API document, and stops it. */
    private static void serve(Path work, String district) throws Exception {
        String password = "train-" + System.nanoTime();
        Path users = work.resolve("users.yaml");
        Files.writeString(users, "- { name: train, password: \"" + EquityAdvisorServer.hashPassword(password) + "\", role: ADMIN }\n");
        EquityAdvisorServer.Running server = EquityAdvisorServer.start(new EquityAdvisorServer.Options(null, null, users, work.resolve("data"),
                "127.0.0.1", 0, false));
        try {
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("train:" + password).getBytes(StandardCharsets.UTF_8));
            URI base = URI.create("http://127.0.0.1:" + server.port());
            // A scenario is an assessment with a name and expectations: the assessment alone is the request.
            ObjectNode assessment = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(Path.of(district).toFile());
            assessment.remove(List.of("name", "description", "expect"));
            HttpRequest advice = HttpRequest.newBuilder(base.resolve("/api/advice")).header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(assessment.toString())).build();
            for (HttpRequest request : List.of(advice, HttpRequest.newBuilder(base.resolve("/api/framework")).header("Authorization", auth).build(),
                    HttpRequest.newBuilder(base.resolve("/v3/api-docs")).header("Authorization", auth).build())) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
                }
            }
        } finally {
            server.stop().close();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
