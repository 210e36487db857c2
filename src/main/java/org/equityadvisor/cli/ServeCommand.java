package org.equityadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.equityadvisor.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.server.EquityAdvisorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the REST server (OpenAPI at /v3/api-docs, Swagger UI at /swagger-ui.html), watching the rules for changes.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "the rule set to serve and watch (default: ./rules if present, else the rules bundled in the jar)")
    Path rules;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "scenarios a changed rule set must pass before it is swapped in (default: ./scenarios if present, else those bundled in the jar)")
    Path scenarios;

    @Option(names = "--users", paramLabel = "FILE", description = "users: name, password ({bcrypt}… from hash-password), role, districts "
            + "(default: DATA/users.yaml, created with one admin on first start)")
    Path users;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "the H2 database and generated users (default: ./data)")
    Path data;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: 127.0.0.1, this machine only)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (default: 8080)")
    int port;

    @Option(names = "--no-watch", description = "do not reload the rules when they change (POST /api/rules/reload still does)")
    boolean noWatch;

    @Parameters(arity = "0..*", paramLabel = "SPRING_ARG", description = "Spring Boot properties, e.g. --spring.datasource.url=jdbc:postgresql://…")
    List<String> springArgs = new ArrayList<>();

    /** Picocli takes {@code --spring.datasource.url=…} for an option it does not know: a name with dots is a Spring property. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        for (String arg : unmatched) {
            if (!arg.matches("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*")) {
                throw new ParameterException(spec.commandLine(), "Unknown option: '" + arg + "' (a Spring property is written --name.with.dots=value)");
            }
        }
        List<String> properties = new ArrayList<>(unmatched);
        properties.addAll(springArgs);
        EquityAdvisorServer.Running server;
        try {
            // A fresh machine has no rules folder: serve the rule set and scenarios the jar was built with.
            if (rules == null) {
                rules = Files.isDirectory(Path.of("rules")) ? Path.of("rules") : bundled("rules", "the rules");
            }
            if (scenarios == null) {
                scenarios = Files.isDirectory(Path.of("scenarios")) ? Path.of("scenarios") : bundled("scenarios", "the scenarios");
            }
            server = EquityAdvisorServer.start(new EquityAdvisorServer.Options(rules, scenarios, users, data, host, port, !noWatch), properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw userFacing(e);
        }
        spec.commandLine().getOut().println("Equity Advisor listening on http://" + host + ":" + server.port() + "/ (web pages; API docs: /swagger-ui.html). Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        Thread.currentThread().join();
        return Main.OK;
    }

    /**
     * Unpacks {@code /equity-advisor/NAME.zip} of the jar into a temporary folder (removed on exit). Without it
     * (a development build run from the classes), ./NAME, which then reports itself missing.
     */
    private Path bundled(String name, String what) {
        try (InputStream zip = ServeCommand.class.getResourceAsStream("/equity-advisor/" + name + ".zip")) {
            if (zip == null) {
                return Path.of(name);
            }
            Path dir = Files.createTempDirectory("equity-advisor-" + name);
            try (ZipInputStream in = new ZipInputStream(zip)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path file = dir.resolve(entry.getName()).normalize();
                    // The archive is our own, but a path leaving the folder is never followed.
                    if (!file.startsWith(dir) || file.equals(dir)) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(in, file);
                    }
                }
            }
            deleteOnExit(dir);
            spec.commandLine().getErr().println("No ./" + name + " folder here: serving " + what + " bundled with equity-advisor " + KnowledgeBase.version()
                    + "; pass --" + name + " DIR to use others.");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + what + " bundled in the jar", e);
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is harmless.
            }
        }));
    }

    /** The cause a user can act on (a broken rule set, a bad users file, a port in use) rather than Spring's wrapper. */
    private RuntimeException userFacing(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleSetException || t instanceof InputException) {
                return (RuntimeException) t;
            }
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return new InputException("--port", new Problem("--port", port + " is already in use on " + host + "; choose another with --port"));
            }
        }
        return e;
    }
}
