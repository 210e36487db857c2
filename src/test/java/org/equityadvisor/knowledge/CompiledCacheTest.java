package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.model.Measure;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledCacheTest {

    @TempDir
    Path tmp;

    private List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.filter(p -> p.toString().endsWith(".kjar")).toList();
        }
    }

    private static String advice(KnowledgeBase kb) {
        return AdviceWriter.json(new Advisor(kb).advise(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0)))));
    }

    @Test
    void reusesACompiledRuleSetAndGivesTheSameAdvice() throws IOException {
        Path cache = tmp.resolve("cache");
        KnowledgeBase first = KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));
        assertThat(entries(cache)).hasSize(1);

        KnowledgeBase second = KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));

        assertThat(advice(second)).isEqualTo(advice(first));
        assertThat(entries(cache)).hasSize(1);
    }

    @Test
    void compilesAgainWhenTheEntryIsDamaged() throws IOException {
        Path cache = tmp.resolve("cache");
        KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));
        Files.writeString(entries(cache).get(0), "not a kjar");

        KnowledgeBase kb = KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));

        assertThat(advice(kb)).contains("AS-09");
    }

    @Test
    void aChangedRuleSetIsCompiledNotServedFromTheCache() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        KnowledgeBase.load(rules, CompiledCache.at(cache));
        Path access = rules.resolve("access.drl");
        Files.writeString(access, Files.readString(access).replace("insert( new Suggestion(\"AS-09\") );", ""));

        KnowledgeBase changed = KnowledgeBase.load(rules, CompiledCache.at(cache));

        assertThat(advice(changed)).doesNotContain("\"AS-09\"");
        assertThat(entries(cache)).hasSize(2);
    }
}
