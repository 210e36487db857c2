package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.equityadvisor.batch.Spread;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints how varied the advice is over the public figures (docs/advice.md, "How varied the advice is"): a
 * coach runs it before and after changing rules or weights to see whether advice still follows the figures.
 */
@Command(name = "spread", hidden = true, mixinStandardHelpOptions = true,
        description = "Measure how the advice varies over the public figures: distinct actions and goals, ties, rank correlation "
                + "with the home-internet figure, words of text, plausibility warnings, advices per second.")
final class SpreadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--public", defaultValue = "all", paramLabel = "STATE|all", description = "a state (code or name) or all (default)")
    String publicFigures;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per core)")
    Integer threads;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PublicFigures table = PublicFigures.bundled();
        List<PublicFigures.DistrictFigures> districts = publicFigures.equalsIgnoreCase("all") ? table.districts() : table.inState(publicFigures);
        if (districts.isEmpty()) {
            throw new InputException("--public", new Problem("--public", "'" + publicFigures + "' is not a state of the public figures"));
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new InputException("usage", new Problem("--threads", n + " must be at least 1"));
        }
        Spread.Figures figures = Spread.measure(Inputs.advisor(rules.load()), districts, n);
        PrintWriter out = spec.commandLine().getOut();
        figures.lines().forEach(out::println);
        return Main.OK;
    }
}
