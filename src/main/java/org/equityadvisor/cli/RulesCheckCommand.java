package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile and check a rule set; print every problem with its file and line (exit 1 if any).")
final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try {
            KnowledgeBase kb = rules.load();
            out.printf("OK %s: %d rules, %d indicators, %d metrics, %d goals, %d actions, %d partners, %d sources (%.1f s)%n",
                    kb.origin(), kb.rules().size(), kb.indicators().size(), kb.metrics().size(), kb.goals().size(), kb.actions().size(),
                    kb.partners().size(), kb.sources().size(), (System.nanoTime() - start) / 1e9);
            out.println("Rule set " + kb.hash());
            return Main.OK;
        } catch (RuleSetException e) {
            PrintWriter err = spec.commandLine().getErr();
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in " + rules.origin());
            return Main.FINDINGS;
        }
    }
}
