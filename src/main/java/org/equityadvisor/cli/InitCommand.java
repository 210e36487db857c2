package org.equityadvisor.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a starter assessment: every section explained in comments, every self-assessment indicator listed.",
            "With --nces, start from the public figures of that district (American Community Survey 2014-2018 via the Urban Institute): "
                + "name, state, poverty and the share of children without a computer or broadband, each with its source, year and margin of error."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--nces", paramLabel = "ID", description = "the district's 7-digit NCES LEA id, e.g. 0612345")
    String nces;

    @Mixin
    AssessmentTarget target;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        Assessment base = target.base(kb);
        if (nces == null) {
            District named = District.named(target.name == null ? "" : target.name);
            Assessment blank = new Assessment(named, List.of(), List.of(), java.util.Map.of());
            target.write(kb, base, blank, "init", List.of(), spec.commandLine().getErr());
            spec.commandLine().getErr().println("Wrote " + target.out + ": a starter assessment to fill in.");
            return Main.OK;
        }
        if (!nces.matches("\\d{7}")) {
            throw new InputException("--nces", new Problem("--nces", "'" + nces + "' is not a 7-digit NCES LEA id (e.g. 0612345)"));
        }
        PublicFigures table = PublicFigures.bundled();
        PublicFigures.DistrictFigures figures = table.district(nces).orElseThrow(() -> new InputException("--nces", new Problem("--nces",
                nces + " is not in the public figures (13,313 geographic school districts of the 2014-2018 American Community Survey;"
                        + " charter, state-run and newer districts are not in it)")));
        Assessment starter = table.starter(figures);
        target.write(kb, base, starter, "the public figures (" + PublicFigures.SOURCE + ")", PublicFigures.describe(figures), spec.commandLine().getErr());
        spec.commandLine().getErr().println(String.format(Locale.ROOT, "Wrote %s: %s (%s), %,d children aged 5-17, %.1f%% in poverty, %.1f%% ±%s without a computer "
                + "or broadband%s.", target.out, figures.name(), figures.state(), figures.children(), figures.povertyPct(), figures.noComputerOrBroadband(),
                org.equityadvisor.imports.AssessmentWriter.number(figures.noComputerOrBroadbandMoe()),
                figures.wideMargin() ? " (a wide margin of error: verify locally)" : ""));
        return Main.OK;
    }
}
