package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rules watch`: one process that re-tests the rules on every save and says how long after the save it answered. */
class RulesWatchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void reTestsAfterASaveAndReportsTheBrokenRuleItIntroduced() throws Exception {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Fixtures.write(tmp.resolve("scenarios/weak.yaml"), """
                district: { name: Weak Support Unified, enrollment: 900 }
                answers: { SA-ACC-07: 1 }
                expect:
                  suggest: [AS-16]
                """);
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "rules", "watch", "--rules", rules.toString(), "--scenarios", tmp.resolve("scenarios").toString(), "--runs", "1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!out.toString().contains("start:") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(out.toString()).contains("start: 1 passed, 0 failed");

        Path access = rules.resolve("access.drl");
        Files.writeString(access, Files.readString(access).replace("insert( new Suggestion(\"AS-16\") );", ""));

        assertThat(watch.get(120, TimeUnit.SECONDS)).isEqualTo(Main.FINDINGS);
        assertThat(out.toString()).contains("FAIL", "expected AS-16 to be suggested", "access.drl: 0 passed, 1 failed (", " s after the save;");
    }
}
