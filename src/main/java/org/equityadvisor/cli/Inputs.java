package org.equityadvisor.cli;

import java.nio.file.Path;
import java.util.Set;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.imports.SimilarDistricts;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.model.Assessment;

/** Reads the assessment a command is given; a scenario's name, description and expect: are ignored. */
final class Inputs {

    static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "expect");

    private Inputs() {
    }

    /** The advisor every command uses: the rule set, and districts compared with similar districts of the public figures. */
    static Advisor advisor(KnowledgeBase kb) {
        return new Advisor(kb).withPeers(SimilarDistricts.bundled()::compare);
    }

    static Assessment assessment(KnowledgeBase kb, Path file) {
        YamlDocument doc = YamlDocument.parse(file.toString(), AssessmentReader.text(file));
        return new AssessmentReader(kb).read(doc, SCENARIO_FIELDS);
    }
}
