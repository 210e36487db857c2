package org.equityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.plan.PlanCheck;
import org.equityadvisor.plan.PlanFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Draft a CoSN plan from advice, check it against the rubric, export it, and carry it out: step status, figures, what is due, review, yearly report.",
        subcommands = {PlanCommand.Draft.class, PlanCommand.Accept.class, PlanCommand.Remove.class, PlanCommand.Check.class, PlanCommand.Export.class,
                PlanProgressCommands.Status.class, PlanProgressCommands.RecordActual.class, PlanProgressCommands.Due.class,
                PlanProgressCommands.Review.class, PlanProgressCommands.Report.class})
final class PlanCommand {

    @Command(name = "draft", mixinStandardHelpOptions = true,
            description = "Advise on an assessment and accept suggested goals into a draft plan (JSON).")
    static final class Draft implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Mixin
        LanguageOption lang;

        @Parameters(paramLabel = "FILE", description = "the assessment (JSON or YAML; a scenario file works too)")
        Path file;

        @ArgGroup(multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--accept", split = ",", paramLabel = "GOAL", description = "suggested goal ids to accept, e.g. G-CONNECT,G-DEVICE")
            List<String> accept;

            @Option(names = "--top", paramLabel = "N", description = "accept the N most pressing suggested goals")
            Integer top;
        }

        @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "the plan's start date (default: the district's planStart, else today)")
        LocalDate start;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the plan (default: standard output)")
        Path out;

        @Override
        public Integer call() {
            KnowledgeBase kb = rules.load();
            Assessment assessment = Inputs.assessment(kb, file);
            org.equityadvisor.advise.Advisor advisor = lang.apply(Inputs.advisor(kb));
            Advice advice = advisor.advise(assessment);
            DraftPlan drafts = new DraftPlan(advisor.knowledgeBase());
            Plan plan = choice.top != null ? drafts.draftTop(assessment, advice, choice.top, start) : drafts.draft(assessment, advice, choice.accept, start);
            String json = PlanFile.write(plan);
            PrintWriter w = spec.commandLine().getOut();
            if (out == null) {
                w.print(json);
                return Main.OK;
            }
            write(out, json.getBytes(StandardCharsets.UTF_8));
            PlanCheck check = PlanCheck.of(plan);
            long met = check.criteria().stream().filter(PlanCheck.Criterion::met).count();
            int steps = plan.goals().stream().mapToInt(g -> g.steps().size()).sum();
            w.println("Wrote " + out + ": " + count(plan.goals().size(), "goal") + ", " + count(steps, "action step") + "; rubric: " + met + " of " + check.criteria().size() + " criteria met (plan check " + out + " for details).");
            if (plan.goals().size() < PlanCheck.MIN_GOALS) {
                w.println("The advice suggests " + count(advice.goals().size(), "goal") + " for "
                        + plan.district() + "; the CoSN plan asks for three or more, so add a goal of your own to " + out + ".");
            }
            return Main.OK;
        }
    }

    /** What accept and remove share: the plan file, the goal, and at most one step or partner in it. */
    abstract static class Edit implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON); it is rewritten in place unless --out is given")
        Path file;

        @Option(names = "--goal", required = true, paramLabel = "GOAL", description = "the goal, e.g. G-CONNECT")
        String goal;

        @ArgGroup(multiplicity = "0..1")
        Target target;

        static final class Target {
            @Option(names = "--action", paramLabel = "ID", description = "a step of the goal, e.g. AS-10")
            String action;

            @Option(names = "--partner", paramLabel = "ID", description = "a partner of the goal, e.g. PT-04 (OWN-… for one of the district's own)")
            String partner;

            @Option(names = "--own-partner", paramLabel = "NAME", description = "accept only: a partner of the district's own, e.g. \"Adams County Public Library\"")
            String ownPartner;
        }

        @Option(names = "--role", paramLabel = "TEXT", description = "with --own-partner: what the partner does for the goal")
        String role;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the edited plan (default: PLAN itself)")
        Path out;

        abstract Plan apply(DraftPlan drafts, Plan plan);

        abstract String done();

        @Override
        public Integer call() {
            Plan plan = apply(new DraftPlan(rules.load()), read(file));
            Path to = out == null ? file : out;
            write(to, PlanFile.write(plan).getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getOut().println(done() + "; wrote " + to + " (" + count(plan.goals().size(), "goal") + ").");
            return Main.OK;
        }

        String what() {
            return target == null ? "goal " + goal : target.action != null ? "step " + target.action + " of " + goal
                    : "partner " + (target.ownPartner != null ? target.ownPartner : target.partner) + " of " + goal;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Accept a suggested goal into a plan, or a step or partner into one of its goals.")
    static final class Accept extends Edit {
        @Override
        Plan apply(DraftPlan drafts, Plan plan) {
            return target == null ? drafts.acceptGoal(plan, goal) : target.action != null ? drafts.acceptAction(plan, goal, target.action)
                    : target.ownPartner != null ? drafts.addPartner(plan, goal, target.ownPartner, role) : drafts.acceptPartner(plan, goal, target.partner);
        }

        @Override
        String done() {
            return "Accepted " + what();
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a goal from a plan, or a step or partner from one of its goals.")
    static final class Remove extends Edit {
        @Override
        Plan apply(DraftPlan drafts, Plan plan) {
            if (target != null && target.ownPartner != null) {
                throw new InputException("--own-partner", new Problem("--own-partner", "adds a partner; to remove one, name it with --partner OWN-…"));
            }
            return target == null ? drafts.removeGoal(plan, goal) : target.action != null ? drafts.removeAction(plan, goal, target.action)
                    : drafts.removePartner(plan, goal, target.partner);
        }

        @Override
        String done() {
            return "Removed " + what();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a plan against the CoSN rubric: every criterion met or not, with the reason; exit 1 when one is not.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON, as plan draft writes it)")
        Path file;

        @Override
        public Integer call() {
            Plan plan = read(file);
            PlanCheck check = PlanCheck.of(plan);
            PrintWriter w = spec.commandLine().getOut();
            w.println("Rubric check: " + plan.title());
            for (PlanCheck.Criterion c : check.criteria()) {
                w.println((c.met() ? "MET      " : "NOT MET  ") + c.name() + ": " + c.reason());
            }
            for (String warning : check.warnings()) {
                w.println("WARNING  " + warning);
            }
            long met = check.criteria().stream().filter(PlanCheck.Criterion::met).count();
            w.println(met + " of " + check.criteria().size() + " criteria met, " + check.warnings().size()
                    + (check.warnings().size() == 1 ? " warning" : " warnings"));
            return check.passed() ? Main.OK : Main.FINDINGS;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a plan as Markdown, JSON, Word or PDF.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON, as plan draft writes it)")
        Path file;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "md, json, docx or pdf")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write (required for docx and pdf; default: standard output)")
        Path out;

        @Option(names = "--page-size", paramLabel = "SIZE", defaultValue = "letter", description = "the PDF's paper: letter (default) or a4")
        String pageSize;

        @Override
        public Integer call() {
            PlanWriter.PageSize paper;
            try {
                paper = PlanWriter.PageSize.parse(pageSize);
            } catch (IllegalArgumentException e) {
                throw new InputException("--page-size", new Problem("--page-size", e.getMessage()));
            }
            PlanWriter.Format f = format(format, out);
            return emit(spec, out, f, PlanWriter.write(read(file), f, paper));
        }
    }

    /** The --format of an export; docx and pdf need --out (binary files never go to a terminal). */
    static PlanWriter.Format format(String format, Path out) {
        PlanWriter.Format f;
        try {
            f = PlanWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("--format", new Problem("--format", e.getMessage()));
        }
        if (out == null && (f == PlanWriter.Format.DOCX || f == PlanWriter.Format.PDF)) {
            throw new InputException("--out", new Problem("--out", "is required for " + f.extension() + " (a binary file)"));
        }
        return f;
    }

    /** Writes an export to --out, saying so, or text to standard output. */
    static Integer emit(CommandSpec spec, Path out, PlanWriter.Format f, byte[] bytes) {
        if (out == null) {
            spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
        } else {
            write(out, bytes);
            spec.commandLine().getOut().println("Wrote " + out + " (" + f.extension() + ", " + bytes.length + " bytes).");
        }
        return Main.OK;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static Plan read(Path file) {
        return PlanFile.read(file.toString(), AssessmentReader.text(file));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new InputException(file.toString(), new Problem(file.toString(), "cannot be written: " + e.getMessage()));
        }
    }
}
