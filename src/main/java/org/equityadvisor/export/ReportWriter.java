package org.equityadvisor.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.ProgressReport;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.plan.PlanFile;

/**
 * The yearly report of a plan, the implementation evidence of CoSN micro-credential 5 ("Implementing a
 * District Plan for Digital Equity"): for each goal what was done in the year, each outcome's figures
 * against its target with the trend chart, and the plan's reflection. Markdown, Word and PDF are rendered
 * from the same blocks as the plan export. Also the trend chart alone, as SVG, for web pages.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The report as md, docx or pdf (json is the plan file, which {@link PlanWriter} writes). */
    public static byte[] write(ProgressReport report, PlanWriter.Format format) {
        List<Problem> problems = PlanFile.problems(report.plan());
        if (!problems.isEmpty()) {
            throw new InputException("plan", problems);
        }
        PlanDocument doc = document(report);
        return switch (format) {
            case MD -> PlanWriter.markdown(doc).getBytes(StandardCharsets.UTF_8);
            case DOCX -> PlanDocx.write(doc);
            case PDF -> PlanWriter.pdf(doc);
            case JSON -> throw new InputException("--format", new Problem("--format", "the yearly report is md, docx or pdf; the plan itself is json (plan export)"));
        };
    }

    /** One outcome's trend chart as an SVG element, with a title and a description a screen reader reads. */
    public static String trendSvg(OutcomeProgress progress) {
        return TrendChart.svg(progress);
    }

    static PlanDocument document(ProgressReport report) {
        Plan plan = report.plan();
        List<PlanDocument.Block> blocks = new ArrayList<>();
        blocks.add(new PlanDocument.Paragraph("District: " + plan.district() + ". Year reported: " + PlanDocument.date(report.from()) + " to "
                + PlanDocument.date(report.to()) + ". Plan started " + PlanDocument.date(plan.start()) + "; it reports "
                + plan.reporting().name().toLowerCase(java.util.Locale.ROOT) + "."));
        blocks.add(new PlanDocument.Paragraph("Outcomes are judged against the straight line from each baseline, at the plan's start, to its target "
                + "at its target date: achieved when the latest figure has reached the target, on track when it is at least as far along as the "
                + "line expects on its date, behind otherwise, and no data without a baseline, a target or a figure."));
        blocks.add(new PlanDocument.Heading(2, "Summary"));
        blocks.add(summary(report));
        for (int i = 0; i < plan.goals().size(); i++) {
            PlanGoal goal = plan.goals().get(i);
            blocks.add(new PlanDocument.Heading(2, "Goal " + (i + 1) + ". " + goal.statement()));
            blocks.add(new PlanDocument.Heading(3, "What was done"));
            blocks.add(steps(goal, report));
            List<OutcomeProgress> outcomes = report.outcomes().stream().filter(o -> o.goalId().equals(goal.id())).toList();
            if (!outcomes.isEmpty()) {
                blocks.add(new PlanDocument.Heading(3, "Outcomes against their targets"));
                for (OutcomeProgress o : outcomes) {
                    blocks.add(new PlanDocument.Paragraph(o.sentence()));
                    blocks.add(figures(o));
                    if (!o.actuals().isEmpty()) {
                        blocks.add(new PlanDocument.Trend(o));
                    }
                }
            }
        }
        blocks.add(new PlanDocument.Heading(2, "Reflection"));
        blocks.add(new PlanDocument.Paragraph(plan.reflection().isBlank()
                ? "The reflection has not been written yet: add it to the plan (reflection) before submitting this report." : plan.reflection()));
        return new PlanDocument("Yearly report: " + plan.title(), blocks);
    }

    private static PlanDocument.Table summary(ProgressReport report) {
        List<List<List<String>>> rows = new ArrayList<>();
        for (PlanGoal goal : report.plan().goals()) {
            long done = goal.steps().stream().filter(s -> s.stepStatus() == StepStatus.DONE).count();
            long blocked = goal.steps().stream().filter(s -> s.stepStatus() == StepStatus.BLOCKED).count();
            List<String> outcomes = report.outcomes().stream().filter(o -> o.goalId().equals(goal.id())).map(o -> o.id() + ": " + TrendChart.status(o)).toList();
            rows.add(List.of(List.of(goal.statement()), List.of(done + " of " + goal.steps().size() + " done" + (blocked > 0 ? ", " + blocked + " blocked" : "")),
                    outcomes.isEmpty() ? List.of("none") : outcomes));
        }
        return new PlanDocument.Table(List.of("Goal", "Steps", "Outcomes"), rows);
    }

    private static PlanDocument.Table steps(PlanGoal goal, ProgressReport report) {
        List<List<List<String>>> rows = new ArrayList<>();
        for (StepStatus status : List.of(StepStatus.DONE, StepStatus.IN_PROGRESS, StepStatus.BLOCKED, StepStatus.NOT_STARTED)) {
            List<String> lines = goal.steps().stream().filter(s -> s.stepStatus() == status).map(ReportWriter::step).toList();
            if (!lines.isEmpty()) {
                rows.add(List.of(List.of(label(status)), lines));
            }
        }
        if (rows.isEmpty()) {
            rows.add(List.of(List.of("Steps"), List.of("none")));
        }
        return new PlanDocument.Table(List.of("Status", "Action steps"), rows);
    }

    private static String step(ActionStep s) {
        StringBuilder out = new StringBuilder(s.description());
        out.append(" (").append(s.owner() == null || s.owner().isBlank() ? "no owner" : s.owner()).append("; due ").append(PlanDocument.date(s.due()));
        if (s.updated() != null) {
            out.append("; updated ").append(PlanDocument.date(s.updated())).append(s.updatedBy() == null ? "" : " by " + s.updatedBy());
        }
        out.append(")");
        if (s.note() != null && !s.note().isBlank()) {
            out.append(": ").append(s.note());
        }
        return out.toString();
    }

    private static String label(StepStatus s) {
        return switch (s) {
            case DONE -> "Done";
            case IN_PROGRESS -> "In progress";
            case BLOCKED -> "Blocked";
            case NOT_STARTED -> "Not started";
        };
    }

    private static PlanDocument.Table figures(OutcomeProgress o) {
        List<List<List<String>>> rows = new ArrayList<>();
        var out = o.outcome();
        rows.add(List.of(List.of(PlanDocument.date(o.baselineDate())), List.of(out.baseline() == null ? "to be collected" : PlanDocument.number(out.baseline())),
                List.of("baseline"), List.of(out.dataSource() == null ? "" : out.dataSource())));
        for (var a : o.actuals()) {
            rows.add(List.of(List.of(PlanDocument.date(a.date())), List.of(PlanDocument.number(a.value()) + (a.n() == null ? "" : " (n = " + a.n() + ")")),
                    List.of("figure" + (a.who() == null ? "" : ", recorded by " + a.who())), List.of(a.source() == null ? "" : a.source())));
        }
        rows.add(List.of(List.of(PlanDocument.date(out.targetDate())), List.of(out.target() == null ? "not set" : PlanDocument.number(out.target())),
                List.of("target"), List.of("")));
        return new PlanDocument.Table(List.of("Date", "Value", "What", "Source"), rows);
    }
}
