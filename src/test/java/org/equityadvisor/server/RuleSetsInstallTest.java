package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Putting a rule set into service from a folder beside the server's: the old folder kept for a rollback, a
 * broken set never replacing a working one (on disk or in memory), and the watcher following the new folder.
 */
class RuleSetsInstallTest {

    @TempDir
    Path tmp;

    private static final String MAP_SCENARIO = """
            name: A district whose low-income students lack home internet gets the hotspot map
            district: { name: Test District }
            measures:
              - { metric: GM-01, value: 2.5 }
              - { metric: GM-01, group: low-income, value: 14, n: 812 }
            expect:
              suggest: [AS-09]
            """;

    Path scenarios() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scenarios"));
        Fixtures.write(dir.resolve("map.yaml"), MAP_SCENARIO);
        return dir;
    }

    /** A copy of the fixture rules with a comment added to access.drl: another hash, the same advice. */
    Path edited(String name, String comment) throws Exception {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, Files.createDirectories(tmp.resolve(name)));
        Files.writeString(rules.resolve("access.drl"), Files.readString(rules.resolve("access.drl")) + "\n// " + comment + "\n");
        return rules;
    }

    @Test
    void aPassingSetServesTheOldOneWaitsBesideItAndARollbackBringsItBack() throws Exception {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, Files.createDirectories(tmp.resolve("server")));
        try (RuleSets sets = new RuleSets(rules, scenarios())) {
            String original = sets.active().kb().hash();
            Path candidate = edited("candidate", "a coach's note");

            RuleSets.Attempt attempt = sets.install(candidate);

            assertThat(attempt.swapped()).isTrue();
            assertThat(sets.active().kb().hash()).isEqualTo(KnowledgeBase.hashOf(candidate)).isEqualTo(KnowledgeBase.hashOf(rules))
                    .isNotEqualTo(original);
            assertThat(sets.previous()).hasValueSatisfying(p -> assertThat(KnowledgeBase.hashOf(p)).isEqualTo(original));
            assertThat(tmp.resolve("server/rules.incoming")).doesNotExist();

            assertThat(sets.rollback().swapped()).isTrue();
            assertThat(sets.active().kb().hash()).isEqualTo(original).isEqualTo(KnowledgeBase.hashOf(rules));
            assertThat(KnowledgeBase.hashOf(sets.previous().orElseThrow())).isEqualTo(KnowledgeBase.hashOf(candidate));
        }
    }

    @Test
    void aBrokenSetIsRefusedAndTheFolderThePreviousAndTheServiceStayAsTheyWere() throws Exception {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, Files.createDirectories(tmp.resolve("server")));
        try (RuleSets sets = new RuleSets(rules, scenarios())) {
            sets.install(edited("first", "first change"));
            String serving = sets.active().kb().hash();
            String previous = KnowledgeBase.hashOf(sets.previous().orElseThrow());
            Path broken = edited("broken", "second change");
            Files.writeString(broken.resolve("access.drl"), Files.readString(broken.resolve("access.drl")).replace("\"AS-09\"", "\"AS-99\""));

            RuleSets.Attempt attempt = sets.install(broken);

            assertThat(attempt.swapped()).isFalse();
            assertThat(attempt.errors()).extracting(p -> p.toString()).anySatisfy(p -> assertThat(p).contains("access.drl").contains("AS-99"));
            assertThat(sets.active().kb().hash()).isEqualTo(serving).isEqualTo(KnowledgeBase.hashOf(rules));
            assertThat(KnowledgeBase.hashOf(sets.previous().orElseThrow())).isEqualTo(previous);
            assertThat(KnowledgeBase.hashOf(tmp.resolve("server/rules.refused"))).isEqualTo(KnowledgeBase.hashOf(broken));
        }
    }

    @Test
    void afterAnInstallTheServerWatchesTheNewFolder() throws Exception {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, Files.createDirectories(tmp.resolve("server")));
        try (RuleSets sets = new RuleSets(rules, scenarios())) {
            sets.watch();
            sets.install(edited("candidate", "installed"));
            Files.writeString(rules.resolve("access.drl"), Files.readString(rules.resolve("access.drl")) + "\n// saved in an editor afterwards\n");
            String wanted = KnowledgeBase.hashOf(rules);
            long until = System.nanoTime() + 20_000_000_000L;
            while (!sets.active().kb().hash().equals(wanted) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(sets.active().kb().hash()).isEqualTo(wanted);
        }
    }

    @Test
    void theBundledRuleSetCannotBeReplaced() {
        try (RuleSets sets = new RuleSets(null, null)) {
            assertThatThrownBy(() -> sets.install(tmp)).isInstanceOf(IllegalStateException.class).hasMessageContaining("bundled");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
