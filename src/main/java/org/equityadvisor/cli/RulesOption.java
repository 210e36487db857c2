package org.equityadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --rules DIR} option: the rule set folder; without it ./rules when there is one, else the
 * rule set bundled in the jar, so the program works from any folder.
 */
final class RulesOption {

    static final Path DEFAULT = Path.of("rules");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--rules", paramLabel = "DIR", description = "the rule set folder (default: ./rules if present, else the rules bundled in the jar)")
    Path rules;

    /** The folder to read, or null for the bundled rules. */
    Path folder() {
        if (rules != null) {
            if (!Files.isDirectory(rules)) {
                throw new InputException("--rules", new Problem(rules.toString(), "is not a folder"));
            }
            return rules;
        }
        if (Files.isDirectory(DEFAULT) || !KnowledgeBase.bundledAvailable()) {
            return DEFAULT;
        }
        return null;
    }

    /** What the rules were read from, for messages. */
    String origin() {
        Path folder = folder();
        return folder == null ? "the bundled rules" : folder.toString();
    }

    KnowledgeBase load() {
        Path folder = folder();
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new InputException("--rules", new Problem(folder.toString(), "is not a folder of rules; pass --rules DIR"));
            }
            return KnowledgeBase.load(folder);
        }
        KnowledgeBase kb = KnowledgeBase.loadBundled();
        command.commandLine().getErr().println("Using the rules bundled with equity-advisor " + KnowledgeBase.version() + " (" + kb.hash()
                + "); pass --rules DIR or run where a rules folder is to use others.");
        return kb;
    }
}
