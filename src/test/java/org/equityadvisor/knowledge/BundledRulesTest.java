package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The jar carries the project's rule set, so every command works from any folder. */
class BundledRulesTest {

    @Test
    void bundledRuleSetIsTheProjectsRulesFolder() {
        assertThat(KnowledgeBase.bundledAvailable()).isTrue();

        KnowledgeBase bundled = KnowledgeBase.loadBundled();

        assertThat(bundled.hash()).isEqualTo(KnowledgeBase.load(Path.of("rules")).hash());
        assertThat(bundled.origin()).startsWith("the rules bundled with equity-advisor");
        assertThat(bundled.rules()).isNotEmpty();
    }
}
