package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rules diff OLD NEW` on the command line: its exit code says whether a scenario changed outcome. */
class RulesDiffCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path scenarios() {
        Fixtures.write(tmp.resolve("scenarios/offline.yaml"), """
                name: Offline families
                district: { name: Offline Unified, enrollment: 3000 }
                measures:
                  - { metric: GM-01, value: 12 }
                expect:
                  suggest: [AS-11]
                """);
        return tmp.resolve("scenarios");
    }

    @Test
    void exitsOneWhenAScenarioChangesOutcome() throws Exception {
        Path edited = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Path access = edited.resolve("access.drl");
        Files.writeString(access, Files.readString(access).replace("insert( new Suggestion(\"AS-11\") );", ""));

        Run run = run("rules", "diff", Fixtures.FIXTURE_RULES.toString(), edited.toString(), "--scenarios", scenarios().toString(), "--format", "md");

        assertThat(run.code()).isEqualTo(Main.FINDINGS);
        assertThat(run.out()).contains("## Scenarios whose expectations changed outcome (1)", "Offline families", "PASS → FAIL", "− AS-11");
        assertThat(run.err()).contains("Compared 1 districts in");
    }

    @Test
    void exitsZeroWhenNothingChanges() {
        Run run = run("rules", "diff", Fixtures.FIXTURE_RULES.toString(), Fixtures.FIXTURE_RULES.toString(), "--scenarios", scenarios().toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("No change");
    }

    @Test
    void aFolderThatIsNotThereIsBadInput() {
        Run run = run("rules", "diff", Fixtures.FIXTURE_RULES.toString(), tmp.resolve("nowhere").toString());

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("nowhere", "is not a folder of rules");
    }
}
