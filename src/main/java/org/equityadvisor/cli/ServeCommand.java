package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.equityadvisor.knowledge.KnowledgeBase;
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

    @Option(names = "--rules", paramLabel = "DIR",
            description = "the rule set to serve and watch (default: ./rules if present, else the rules bundled in the jar)")
    Path rules;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = "scenarios a changed rule set must pass before it is swapped in (default: ./scenarios)")
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
        Path folder = rules != null ? rules : Files.isDirectory(RulesOption.DEFAULT) ? RulesOption.DEFAULT : null;
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InputException("--rules", new Problem(folder.toString(), "is not a folder"));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (folder == null) {
            err.println("Serving the rules bundled with equity-advisor " + KnowledgeBase.version() + "; pass --rules DIR or start where a rules folder is "
                    + "to serve (and reload) others.");
        }
        err.println("Starting Equity Advisor " + KnowledgeBase.version() + " on http://" + host + ":" + port + " ...");
        err.flush();
        long started = System.nanoTime();
        EquityAdvisorServer.Running server;
        try {
            server = EquityAdvisorServer.start(new EquityAdvisorServer.Options(folder, scenarios, users, data, host, port, !noWatch), properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw userFacing(e);
        }
        err.printf(Locale.ROOT, "Ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        err.flush();
        spec.commandLine().getOut().println("Equity Advisor listening on http://" + host + ":" + server.port() + " (API docs: /swagger-ui.html). Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        Thread.currentThread().join();
        return Main.OK;
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
