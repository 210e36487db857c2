package org.equityadvisor.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.equityadvisor.model.Reason;
import org.equityadvisor.model.SuggestedGoal;

/**
 * A plan laid out once as headings, paragraphs, tables and a timeline, so that the Markdown, Word and PDF
 * exports are rendered from the same blocks and say the same thing.
 */
record PlanDocument(String title, List<Block> blocks) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    sealed interface Block permits Heading, Paragraph, Table, Timeline, Trend {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** A table whose cells may hold several lines. */
    record Table(List<String> header, List<List<List<String>>> rows) implements Block {
    }

    /** The Gantt-style picture of every step of the plan. */
    record Timeline(List<Bar> bars, LocalDate from, LocalDate to) implements Block {
    }

    /** The trend chart of one outcome (the yearly report). */
    record Trend(org.equityadvisor.model.OutcomeProgress progress) implements Block {
    }

    record Bar(String goal, String label, LocalDate start, LocalDate end, String divide) {
    }

    static PlanDocument of(Plan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("District: " + plan.district() + ". Plan starts " + date(plan.start()) + ". Drafted from the advice of rule set "
                + plan.ruleSet() + "."));
        blocks.add(new Heading(2, "Part 1. Overview"));
        blocks.add(new Paragraph(plan.overview().isBlank() ? "The overview has not been written yet." : plan.overview()));
        blocks.add(new Heading(2, "Part 2. Goals"));
        for (int i = 0; i < plan.goals().size(); i++) {
            PlanGoal goal = plan.goals().get(i);
            blocks.add(new Heading(3, "Goal " + (i + 1) + ". " + goal.statement()));
            blocks.add(new Paragraph("Divide: " + goal.divide() + ". Serves: " + (goal.who() == null || goal.who().isBlank() ? "not stated" : goal.who())
                    + ". (" + goal.id() + ")"));
            blocks.add(components(goal));
        }
        blocks.add(new Heading(2, "Timeline"));
        blocks.add(timeline(plan));
        blocks.add(new Heading(2, "Part 3. Reflection"));
        blocks.add(new Paragraph(plan.reflection().isBlank() ? "The reflection has not been written yet." : plan.reflection()));
        List<String> why = reasons(plan);
        if (!why.isEmpty()) {
            blocks.add(new Heading(2, "Why these goals"));
            why.forEach(w -> blocks.add(new Paragraph(w)));
        }
        return new PlanDocument(plan.title(), blocks);
    }

    /** The five components of the CoSN plan for one goal. */
    private static Table components(PlanGoal goal) {
        List<List<List<String>>> rows = new ArrayList<>();
        rows.add(List.of(List.of("Action steps"), goal.steps().isEmpty() ? List.of("none yet") : goal.steps().stream().map(PlanDocument::step).toList()));
        rows.add(List.of(List.of("Timeline"), List.of(span(goal))));
        rows.add(List.of(List.of("Team members"), goal.members().isEmpty() ? List.of("none yet") : List.of(String.join(", ", goal.members()))));
        rows.add(List.of(List.of("Partners"), goal.partners().isEmpty() ? List.of("none yet") : goal.partners().stream().map(PlanDocument::partner).toList()));
        rows.add(List.of(List.of("Measurable outcomes"), goal.outcomes().isEmpty() ? List.of("none yet") : goal.outcomes().stream().map(PlanDocument::outcome).toList()));
        return new Table(List.of("Component", "In this plan"), rows);
    }

    static String step(ActionStep s) {
        StringBuilder text = new StringBuilder(s.description());
        List<String> details = new ArrayList<>();
        details.add(s.owner() == null || s.owner().isBlank() ? "no owner yet" : "lead: " + s.owner());
        if (!s.team().isEmpty()) {
            details.add("with " + String.join(", ", s.team()));
        }
        details.add(date(s.start()) + " to " + date(s.due()));
        details.add(s.status());
        return text.append(" (").append(String.join("; ", details)).append(")").toString();
    }

    private static String span(PlanGoal goal) {
        LocalDate from = goal.steps().stream().map(ActionStep::start).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
        LocalDate to = goal.steps().stream().map(ActionStep::due).filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
        return from == null || to == null ? "no dated steps yet" : date(from) + " to " + date(to);
    }

    private static String partner(PlanPartner p) {
        return p.role() == null || p.role().isBlank() ? p.name() : p.name() + ": " + p.role();
    }

    static String outcome(PlanOutcome o) {
        StringBuilder text = new StringBuilder(o.text() == null || o.text().isBlank() ? o.metric() : o.text());
        text.append(" [").append(o.metric()).append(", ").append(o.group()).append(": baseline ")
                .append(o.baseline() == null ? "to be collected" : number(o.baseline()))
                .append(", target ").append(o.target() == null ? "not set" : number(o.target()))
                .append(" by ").append(date(o.targetDate()));
        if (o.dataSource() != null && !o.dataSource().isBlank()) {
            text.append("; data: ").append(o.dataSource());
        }
        return text.append("]").toString();
    }

    private static Timeline timeline(Plan plan) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < plan.goals().size(); i++) {
            PlanGoal goal = plan.goals().get(i);
            for (ActionStep s : goal.steps()) {
                if (s.start() != null && s.due() != null) {
                    bars.add(new Bar("Goal " + (i + 1), s.description(), s.start(), s.due(), String.valueOf(goal.divide())));
                }
            }
        }
        LocalDate from = bars.stream().map(Bar::start).min(LocalDate::compareTo).orElse(plan.start());
        LocalDate to = bars.stream().map(Bar::end).max(LocalDate::compareTo).orElse(plan.start().plusMonths(12));
        return new Timeline(bars, from.isAfter(plan.start()) ? plan.start() : from, to);
    }

    private static List<String> reasons(Plan plan) {
        List<String> out = new ArrayList<>();
        if (plan.advice() == null) {
            return out;
        }
        for (PlanGoal goal : plan.goals()) {
            plan.advice().goals().stream().filter(g -> Objects.equals(g.id(), goal.id())).findFirst().map(SuggestedGoal::because)
                    .filter(b -> !b.isEmpty()).map(b -> b.get(0)).map(Reason::text)
                    .ifPresent(text -> out.add(goal.statement() + ": " + text));
        }
        return out;
    }

    static String date(LocalDate date) {
        return date == null ? "no date" : DATE.format(date);
    }

    static String number(double value) {
        return AdviceWriter.number(value);
    }
}
