package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equityadvisor.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** A server started where there is no rules folder answers with the rule set the jar carries. */
class RuleSetsTest {

    @Test
    void withoutARulesFolderTheServerAnswersWithTheBundledRuleSet() throws Exception {
        try (RuleSets sets = new RuleSets(null, null)) {
            assertThat(sets.active().kb().hash()).isEqualTo(KnowledgeBase.bundledHash().orElseThrow());
            assertThat(sets.folder()).isEmpty();
            assertThat(sets.origin()).startsWith("the rules bundled with equity-advisor");
            sets.watch(); // nothing to watch inside the jar: no watcher thread, no error
        }
    }

    @Test
    void reloadingTheBundledRuleSetSaysItCannotChangeAndHowToServeOthers() throws Exception {
        try (RuleSets sets = new RuleSets(null, null)) {
            Api api = new Api(sets, new Limits(DataSize.ofMegabytes(1), 64));
            assertThatThrownBy(api::reload).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.getMessage()).contains("bundled", sets.active().kb().hash(), "--rules DIR");
            });
        }
    }
}
