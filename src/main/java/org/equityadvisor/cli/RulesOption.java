package org.equityadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Option;

/** The shared {@code --rules DIR} option: the rule set folder, by default ./rules. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "the rule set folder (default: ./rules)")
    Path rules;

    Path folder() {
        Path dir = rules != null ? rules : Path.of("rules");
        if (!Files.isDirectory(dir)) {
            throw new InputException("--rules", new Problem(dir.toString(), rules == null
                    ? "there is no rules folder here; run from the project folder or pass --rules DIR"
                    : "is not a folder"));
        }
        return dir;
    }

    KnowledgeBase load() {
        return KnowledgeBase.load(folder());
    }
}
