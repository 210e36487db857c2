package org.equityadvisor.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The server: one Spring Boot process with the REST API, the plan store, sign-in and the rule hot reload.
 * Only this package knows Spring; everything it serves comes from the library packages.
 */
@SpringBootApplication
public class EquityAdvisorServer {

    /** What {@code serve} is told on the command line; {@code rules} null serves the rule set bundled in the jar. */
    public record Options(Path rules, Path scenarios, Path users, Path data, String host, int port, boolean watch) {
    }

    /** A running server: the port it listens on, and how to stop it. */
    public record Running(int port, AutoCloseable stop) {
    }

    /** Starts the server and returns once it listens. Spring arguments given by the user win over the options. */
    public static Running start(Options options, String... springArgs) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("equityadvisor.rules", options.rules() == null ? BUNDLED : options.rules());
        settings.put("equityadvisor.scenarios", options.scenarios() == null ? "" : options.scenarios());
        settings.put("equityadvisor.data", options.data());
        settings.put("equityadvisor.users", options.users() == null ? "" : options.users());
        settings.put("equityadvisor.watch", options.watch());
        settings.put("server.address", options.host());
        settings.put("server.port", options.port());
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (Arrays.stream(springArgs).noneMatch(a -> a.startsWith("--" + key + "="))) {
                args.add("--" + key + "=" + value);
            }
        });
        args.addAll(Arrays.asList(springArgs));
        SpringApplication app = new SpringApplication(EquityAdvisorServer.class);
        // Below the environment and arguments: SPRING_DATASOURCE_URL or --spring.datasource.url=jdbc:postgresql://… replaces it.
        app.setDefaultProperties(Map.of("spring.datasource.url", "jdbc:h2:file:" + options.data().toAbsolutePath().resolve("equity-advisor")));
        secure(options.data(), false);
        ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        // The database has created its files by now: the owner's only, like the folder.
        secure(options.data(), true);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", String.valueOf(options.port())));
        return new Running(port, context::close);
    }

    /**
     * A password's hash as the users file takes it: {@code {bcrypt}…}. Here because bcrypt comes with Spring
     * Security, which only this package may use.
     */
    public static String hashPassword(CharSequence password) {
        if (password.length() == 0) {
            throw new InputException("password", new Problem("password", "is empty"));
        }
        int bytes = password.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 72) {
            // bcrypt reads only the first 72 bytes: a longer password would be silently shortened.
            throw new InputException("password", new Problem("password", "is " + bytes + " bytes long; bcrypt takes at most 72 bytes (UTF-8)"));
        }
        return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
    }

    private static void secure(Path data, boolean files) {
        try {
            if (files) {
                DataFolder.secureFiles(data);
            } else {
                DataFolder.secure(data);
            }
        } catch (IOException e) {
            throw new InputException("--data", new Problem("--data", data + " cannot be made readable by its owner only: " + e.getMessage()));
        }
    }

    /** Every acknowledged write is on disk before the answer goes out (see {@link Durability}). */
    @Bean
    static Durability durability() {
        return new Durability();
    }

    /** The value of {@code equityadvisor.rules} that serves the rule set bundled in the jar. */
    static final String BUNDLED = "bundled";

    /** {@code equityadvisor.rules}: a folder; "bundled"; or, unset, ./rules when there is one and the bundled rule set otherwise. */
    @Bean(destroyMethod = "close")
    RuleSets ruleSets(@Value("${equityadvisor.rules:}") String rules, @Value("${equityadvisor.scenarios:scenarios}") String scenarios,
            @Value("${equityadvisor.watch:true}") boolean watch) {
        Path folder = rules.isBlank() ? (Files.isDirectory(Path.of("rules")) ? Path.of("rules") : null) : rules.equals(BUNDLED) ? null : Path.of(rules);
        Path tests = scenarios.isBlank() || !Files.isDirectory(Path.of(scenarios)) ? null : Path.of(scenarios);
        RuleSets sets = new RuleSets(folder, folder == null ? null : tests);
        if (watch) {
            sets.watch();
        }
        return sets;
    }

    /** /actuator/info: this program's name and version, and the rule set serving now. */
    @Bean
    InfoContributor appInfo(RuleSets ruleSets) {
        return builder -> builder.withDetail("app", Map.of("name", "Equity Advisor", "version", KnowledgeBase.version()))
                .withDetail("ruleSet", Map.of("hash", ruleSets.active().kb().hash(), "origin", ruleSets.origin()));
    }

    @Bean
    Accounts accounts(@Value("${equityadvisor.users:}") String users, @Value("${equityadvisor.data:data}") String data,
            @Value("${equityadvisor.allow-noop-passwords}") boolean allowNoop) {
        return Accounts.load(users.isBlank() ? null : Path.of(users), Path.of(data), System.out, allowNoop);
    }
}
