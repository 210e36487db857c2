package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.export.ReportWriter;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.plan.PlanFile;
import org.equityadvisor.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Carrying a plan out: step status, outcome figures, what is due, re-advice, the yearly report. */
final class PlanProgressCommands {

    private PlanProgressCommands() {
    }

    /** Who made a change: --by, else the name the computer knows the user by. */
    static String who(String by) {
        return by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name", "unknown");
    }

    static LocalDate day(LocalDate on) {
        return on != null ? on : LocalDate.now();
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Set a step's status: not-started, in-progress, done or blocked (blocked needs --note). Who and when are kept on the step.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON); rewritten in place unless --out is given")
        Path file;

        @Option(names = "--goal", required = true, paramLabel = "GOAL", description = "the goal, e.g. G-CONNECT")
        String goal;

        @Option(names = "--step", required = true, paramLabel = "STEP", description = "the step, e.g. AS-10")
        String step;

        @Option(names = "--set", required = true, paramLabel = "STATUS", description = "not-started, in-progress, done or blocked")
        String set;

        @Option(names = "--note", paramLabel = "TEXT", description = "what blocks the step, or anything its owner adds")
        String note;

        @Option(names = "--by", paramLabel = "NAME", description = "who made the change (default: your user name)")
        String by;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "the day of the change (default: today)")
        LocalDate on;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the plan (default: PLAN itself)")
        Path out;

        @Override
        public Integer call() {
            StepStatus status = Progress.status("--set", set);
            Plan plan = new Progress(null).setStatus(PlanCommand.read(file), goal, step, status, note, who(by), day(on));
            Path to = out == null ? file : out;
            PlanCommand.write(to, PlanFile.write(plan).getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("Step " + step + " of " + goal + " is now " + status.code() + "; wrote " + to + ".");
            return Main.OK;
        }
    }

    @Command(name = "actual", mixinStandardHelpOptions = true,
            description = "Record a figure for a measurable outcome (the outcome's id is its metric, or metric/group: GM-01/low-income).")
    static final class RecordActual implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON); rewritten in place unless --out is given")
        Path file;

        @Option(names = "--outcome", required = true, paramLabel = "ID", description = "the outcome: GM-01 or GM-01/low-income")
        String outcome;

        @Option(names = "--goal", paramLabel = "GOAL", description = "only this goal's outcome (default: every goal that measures it)")
        String goal;

        @Option(names = "--value", required = true, paramLabel = "V", description = "the figure, in the metric's unit")
        double value;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "when it was measured")
        LocalDate date;

        @Option(names = "--n", paramLabel = "N", description = "how many students or answers it counts (at least 10)")
        Integer n;

        @Option(names = "--source", paramLabel = "TEXT", description = "where it comes from, e.g. 'spring 2027 family survey'")
        String source;

        @Option(names = "--by", paramLabel = "NAME", description = "who records it (default: your user name)")
        String by;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the plan (default: PLAN itself)")
        Path out;

        @Override
        public Integer call() {
            Plan plan = PlanCommand.read(file);
            Progress progress = new Progress(rules.load());
            Progress.Recorded recorded = progress.recordActual(plan, goal, outcome, new Actual(date, value, n, source, who(by)));
            Path to = out == null ? file : out;
            PlanCommand.write(to, PlanFile.write(recorded.plan()).getBytes(StandardCharsets.UTF_8));
            PrintWriter w = spec.commandLine().getOut();
            recorded.warnings().forEach(x -> spec.commandLine().getErr().println("Warning: " + x));
            progress.outcomes(recorded.plan(), date).stream().filter(o -> recorded.goals().contains(o.goalId()) && o.id().equals(outcome))
                    .findFirst().ifPresent(o -> w.println(o.sentence() + (recorded.goals().size() > 1 ? " Recorded for " + String.join(", ", recorded.goals()) + "." : "")));
            w.println("Wrote " + to + ".");
            return Main.OK;
        }
    }

    @Command(name = "due", mixinStandardHelpOptions = true,
            description = "What is overdue and what falls due within the next reporting period, for every owner or one (--as); "
                    + "--format ics writes every due date as an iCalendar file. Exits 1 when something is overdue.")
    static final class Due implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON)")
        Path file;

        @Option(names = "--as", paramLabel = "ROLE", description = "only what this owner (a team role, as the plan names it) has to do")
        String as;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "the day to look from (default: today)")
        LocalDate on;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or ics (iCalendar)")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write (default: standard output)")
        Path out;

        @Override
        public Integer call() {
            Plan plan = PlanCommand.read(file);
            Progress progress = new Progress(rules.load());
            LocalDate day = day(on);
            if (as != null && progress.owners(plan).stream().noneMatch(o -> o.equalsIgnoreCase(as.strip()))) {
                throw new InputException("--as", new Problem("--as", "no step of the plan is owned by '" + as + "'; its owners are " + progress.owners(plan)));
            }
            String text;
            List<Progress.Due> due = progress.due(plan, day, as);
            switch (format) {
                case "ics" -> text = progress.calendar(plan.title(), Map.of(file.getFileName().toString(), plan), day);
                case "json" -> text = Json.write(due);
                case "text" -> {
                    StringBuilder b = new StringBuilder();
                    b.append(due.isEmpty() ? "Nothing due" + (as == null ? "" : " for " + as) + " before " + day.plusMonths(plan.reporting().months()) + ".\n" : "");
                    for (Progress.Due d : due) {
                        b.append(d.overdue() ? "OVERDUE  " : "due      ").append(d.date()).append("  ").append(d.owner()).append("  ").append(d.goalId())
                                .append(' ').append(d.ref()).append(": ").append(d.what()).append('\n');
                    }
                    text = b.toString();
                }
                default -> throw new InputException("--format", new Problem("--format", "'" + format + "' is not one of text, json, ics"));
            }
            if (out == null) {
                spec.commandLine().getOut().print(text);
            } else {
                PlanCommand.write(out, text.getBytes(StandardCharsets.UTF_8));
                spec.commandLine().getOut().println("Wrote " + out + ".");
            }
            return due.stream().anyMatch(Progress.Due::overdue) ? Main.FINDINGS : Main.OK;
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Advise on a new assessment and show what changed since the plan began: gaps closed, new gaps, outcomes achieved, "
                    + "goals the figures no longer support, new suggestions. --accept records the new figures and advice in the plan.")
    static final class Review implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Parameters(index = "0", paramLabel = "PLAN", description = "the plan (JSON)")
        Path file;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NEW_ASSESSMENT", description = "the new assessment (JSON or YAML)")
        Path positional;

        @Option(names = "--assessment", paramLabel = "FILE", description = "the new assessment, as an option")
        Path option;

        @Option(names = "--accept", description = "record the new figures as outcome figures and make the new advice the plan's (goals stay)")
        boolean accept;

        @Option(names = "--by", paramLabel = "NAME", description = "who accepts (default: your user name)")
        String by;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "the date of the new figures (default: today)")
        LocalDate on;

        @Option(names = "--out", paramLabel = "FILE", description = "with --accept: where to write the plan (default: PLAN itself)")
        Path out;

        @Override
        public Integer call() {
            Path assessmentFile = option != null ? option : positional;
            if (assessmentFile == null) {
                throw new InputException("NEW_ASSESSMENT", new Problem("NEW_ASSESSMENT", "is required: the new assessment to compare the plan with"));
            }
            Plan plan = PlanCommand.read(file);
            KnowledgeBase kb = rules.load();
            Assessment now = Inputs.assessment(kb, assessmentFile);
            Advice advice = new Advisor(kb).advise(now);
            Progress progress = new Progress(kb);
            Progress.Review review = progress.review(plan, now, advice);
            PrintWriter w = spec.commandLine().getOut();
            w.println("Review of " + plan.title() + " against " + assessmentFile + " (rule set " + advice.ruleSet() + ")");
            section(w, "Gaps closed", review.gapsClosed());
            section(w, "New gaps", review.newGaps());
            section(w, "Outcomes achieved", review.outcomesAchieved());
            section(w, "Goals the new figures no longer support", review.goalsNoLongerSupported());
            section(w, "New suggestions", review.newSuggestions().stream().map(s -> s.id() + ": " + s.title() + (s.because().isBlank() ? "" : ". " + s.because())).toList());
            if (accept) {
                Plan accepted = progress.accept(plan, review, who(by), day(on));
                Path to = out == null ? file : out;
                PlanCommand.write(to, PlanFile.write(accepted).getBytes(StandardCharsets.UTF_8));
                w.println("Accepted: the new figures are recorded and the new advice is the plan's; wrote " + to
                        + (review.newSuggestions().isEmpty() ? "." : ". Add a new suggestion with: plan accept " + to + " --goal " + review.newSuggestions().get(0).id()));
            } else if (review.changed()) {
                w.println("Run again with --accept to record the new figures and advice in the plan.");
            }
            return Main.OK;
        }

        private static void section(PrintWriter w, String title, List<String> lines) {
            w.println();
            w.println(title + " (" + lines.size() + ")");
            if (lines.isEmpty()) {
                w.println("  none");
            }
            lines.forEach(l -> w.println("  - " + l));
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "The yearly report (micro-credential 5 evidence): per goal what was done, outcome figures against targets with a chart, the reflection.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Parameters(paramLabel = "PLAN", description = "the plan (JSON)")
        Path file;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "md, docx or pdf")
        String format;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "the last day of the year reported (default: today)")
        LocalDate on;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write (required for docx and pdf; default: standard output)")
        Path out;

        @Override
        public Integer call() {
            PlanWriter.Format f = PlanCommand.format(format, out);
            return PlanCommand.emit(spec, out, f, ReportWriter.write(new Progress(rules.load()).report(PlanCommand.read(file), day(on)), f));
        }
    }

    /** JSON of small records for --format json. */
    static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

        static String write(Object value) {
            try {
                return MAPPER.writeValueAsString(value) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("records of text, numbers and dates are always writable", e);
            }
        }
    }
}
