package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The served rule set is swapped only for one that compiles, passes the checker and passes the scenarios;
 * otherwise the old one keeps answering and the status shows why, with file and line.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.users=src/test/resources/server/users.yaml", "equityadvisor.watch=true",
        "spring.datasource.url=jdbc:h2:mem:reload;DB_CLOSE_DELAY=-1"})
class HotReloadTest extends ServerTest {

    private static final Path HOME;
    private static final Path RULES;
    private static final Path SCENARIOS;
    private static final String ACCESS;
    private static final String DISTRICT = """
            {"district": {"name": "Test District"},
             "measures": [{"metric": "GM-01", "value": 2.5}, {"metric": "GM-01", "group": "low-income", "value": 14, "n": 812}]}
            """;

    static {
        try {
            HOME = Files.createTempDirectory("hot-reload");
            RULES = Fixtures.copy(Fixtures.FIXTURE_RULES, HOME);
            SCENARIOS = Files.createDirectories(HOME.resolve("scenarios"));
            Fixtures.write(SCENARIOS.resolve("map.yaml"), """
                    name: A district whose low-income students lack home internet gets the hotspot map
                    district: { name: Test District }
                    measures:
                      - { metric: GM-01, value: 2.5 }
                      - { metric: GM-01, group: low-income, value: 14, n: 812 }
                    expect:
                      suggest: [AS-09]
                    """);
            ACCESS = Files.readString(RULES.resolve("access.drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("equityadvisor.rules", RULES::toString);
        registry.add("equityadvisor.scenarios", SCENARIOS::toString);
    }

    @AfterEach
    void restore() {
        replace(ACCESS);
        send("cora", "POST", "/api/rules/reload", null);
    }

    /** Writes access.drl the way editors do: a new file moved into place in one step. */
    private static void replace(String text) {
        try {
            Path tmp = RULES.resolve(".access.drl.tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, RULES.resolve("access.drl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hash() {
        return send("cora", "GET", "/api/rules", null).json().get("hash").asText();
    }

    @Test
    void aBrokenRuleSetIsRefusedWithFileAndLineAndTheOldOneKeepsServing() {
        String before = hash();
        replace(ACCESS.replace("then\n    insert( new Suggestion(\"AS-09\") );", "then\n    insert( new Suggestion(\"AS-09\") ;"));

        Response reload = send("cora", "POST", "/api/rules/reload", null);

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().get("swapped").asBoolean()).isFalse();
        var status = send("cora", "GET", "/api/rules", null).json();
        assertThat(status.get("status").asText()).isEqualTo("refused");
        assertThat(status.get("hash").asText()).isEqualTo(before);
        assertThat(status.get("lastAttempt").get("errors").get(0).get("place").asText()).matches(".*access\\.drl:\\d+.*");
        Response advice = send("cora", "POST", "/api/advice", DISTRICT);
        assertThat(advice.status()).isEqualTo(200);
        assertThat(advice.header("X-Rule-Set")).isEqualTo(before);
    }

    @Test
    void aRuleSetThatFailsAScenarioIsRefused() {
        String before = hash();
        replace(ACCESS.replace("insert( new Suggestion(\"AS-09\") );", "insert( new Suggestion(\"AS-11\") );"));

        Response reload = send("cora", "POST", "/api/rules/reload", null);

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().get("errors").get(0).get("message").asText()).contains("AS-09");
        assertThat(hash()).isEqualTo(before);
    }

    private static final String META = "    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n    agenda-group \"suggest\"\n";

    @Test
    void aRuleThatLoopsForEverIsRefusedTheReloadAnswersAndTheOldOneKeepsServing() {
        String before = hash();
        replace(ACCESS + "\nrule \"Spins\"\n" + META + "when\n    $g : Gap()\nthen\n    while (true) { }\nend\n");

        Response reload = send("cora", "POST", "/api/rules/reload", null);

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().get("errors").get(0).get("message").asText())
                .startsWith("rule \"Spins\" loops (while, for or do): rules may not loop");
        assertThat(hash()).isEqualTo(before);
        assertThat(send("cora", "POST", "/api/advice", DISTRICT).header("X-Rule-Set")).isEqualTo(before);
    }

    @Test
    void rulesThatReTriggerEachOtherFailTheScenarioRunAndAreRefused() {
        String before = hash();
        replace(ACCESS + "\nrule \"Adds the help desk\"\n" + META + "when\n    $g : Gap()\n    not Suggestion( id == \"AS-16\" )\n"
                + "then\n    insert( new Suggestion(\"AS-16\") );\nend\n\nrule \"Removes the help desk\"\n" + META
                + "when\n    $s : Suggestion( id == \"AS-16\" )\nthen\n    delete( $s );\nend\n");

        Response reload = send("cora", "POST", "/api/rules/reload", null);

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().get("errors").get(0).get("message").asText()).containsPattern("rule \"(Adds|Removes) the help desk\" keeps firing");
        assertThat(hash()).isEqualTo(before);
        assertThat(send("cora", "POST", "/api/advice", DISTRICT).status()).isEqualTo(200);
    }

    @Test
    void aGoodChangeIsSwappedInAndAdviceCarriesTheNewHash() {
        String before = hash();
        replace(ACCESS + "\n// a coach's note\n");

        Response reload = send("cora", "POST", "/api/rules/reload", null);

        assertThat(reload.status()).isEqualTo(200);
        String after = reload.json().get("hash").asText();
        assertThat(after).isNotEqualTo(before);
        assertThat(send("lee", "POST", "/api/advice", DISTRICT.replace("\"Test District\"}", "\"Test District\", \"id\": \"0612345\"}"))
                .header("X-Rule-Set")).isEqualTo(after);
    }

    @Test
    void theWatcherReloadsAChangedFolderOnItsOwn() throws InterruptedException {
        String before = hash();
        replace(ACCESS + "\n// watched\n");

        long deadline = System.currentTimeMillis() + 20_000;
        while (hash().equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }

        assertThat(hash()).isNotEqualTo(before);
    }

    /** Requests keep succeeding while the rules are reloaded 50 times, good and broken sets alternating. */
    @Test
    void adviceKeepsSucceedingThroughFiftyReloads() throws Exception {
        String good = hash();
        Set<String> goodHashes = ConcurrentHashMap.newKeySet();
        goodHashes.add(good);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Set<String> answeredBy = ConcurrentHashMap.newKeySet();
        ExecutorService load = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            load.submit(() -> {
                while (running.get()) {
                    Response r = send("cora", "POST", "/api/advice", DISTRICT);
                    if (r.status() == 200 && r.body().contains("\"AS-09\"")) {
                        served.incrementAndGet();
                        answeredBy.add(r.header("X-Rule-Set"));
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        try {
            for (int i = 0; i < 50; i++) {
                boolean broken = i % 2 == 1;
                replace(broken ? ACCESS.replace("when\n", "when\n    $nonsense : (\n") : ACCESS + "\n// version " + (i % 4) + "\n");
                Response reload = send("cora", "POST", "/api/rules/reload", null);
                assertThat(reload.status()).as("reload " + i + ": " + reload.body()).isEqualTo(broken ? 422 : 200);
                if (!broken) {
                    goodHashes.add(reload.json().get("hash").asText());
                }
            }
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(failed.get()).as("advice requests that failed").isZero();
        assertThat(served.get()).isPositive();
        assertThat(goodHashes).containsAll(answeredBy);
    }
}
