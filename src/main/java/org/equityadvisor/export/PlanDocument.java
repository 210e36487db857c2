package org.equityadvisor.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.equityadvisor.advise.Frames;
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
        // The document speaks the language the plan was drafted in (its advice's), English when it has none.
        Words w = new Words(Frames.of(AdviceWriter.WORDS, plan.advice() == null ? null : plan.advice().language()),
                plan.advice() == null || plan.advice().language() == null ? Locale.ENGLISH : Locale.forLanguageTag(plan.advice().language()));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(w.get("doc.intro", plan.district(), w.date(plan.start()), plan.ruleSet())));
        blocks.add(new Heading(2, w.get("doc.overview")));
        blocks.add(new Paragraph(plan.overview().isBlank() ? w.get("doc.noOverview") : plan.overview()));
        blocks.add(new Heading(2, w.get("doc.goals")));
        for (int i = 0; i < plan.goals().size(); i++) {
            PlanGoal goal = plan.goals().get(i);
            blocks.add(new Heading(3, w.get("doc.goal", i + 1, goal.statement())));
            blocks.add(new Paragraph(w.get("doc.serves", w.word("divide.", String.valueOf(goal.divide())),
                    goal.who() == null || goal.who().isBlank() ? w.get("doc.notStated") : goal.who(), goal.id())));
            blocks.add(components(w, goal));
        }
        blocks.add(new Heading(2, w.get("doc.timeline")));
        blocks.add(timeline(w, plan));
        blocks.add(new Heading(2, w.get("doc.reflection")));
        blocks.add(new Paragraph(plan.reflection().isBlank() ? w.get("doc.noReflection") : plan.reflection()));
        List<String> why = reasons(plan);
        if (!why.isEmpty()) {
            blocks.add(new Heading(2, w.get("doc.why")));
            why.forEach(text -> blocks.add(new Paragraph(text)));
        }
        return new PlanDocument(plan.title(), blocks);
    }

    /** The document's words and dates in one language. */
    private record Words(Frames frames, Locale locale) {
        String get(String key, Object... args) {
            return frames.get(key, args);
        }

        String word(String prefix, String value) {
            try {
                return frames.get(prefix + value);
            } catch (IllegalStateException e) {
                return value;
            }
        }

        String date(LocalDate date) {
            return date == null ? get("doc.noDate") : DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date);
        }
    }

    /** The five components of the CoSN plan for one goal. */
    private static Table components(Words w, PlanGoal goal) {
        List<List<List<String>>> rows = new ArrayList<>();
        String none = w.get("doc.noneYet");
        rows.add(List.of(List.of(w.get("doc.steps")), goal.steps().isEmpty() ? List.of(none) : goal.steps().stream().map(s -> step(w, s)).toList()));
        rows.add(List.of(List.of(w.get("doc.timeline")), List.of(span(w, goal))));
        rows.add(List.of(List.of(w.get("doc.team")), goal.members().isEmpty() ? List.of(none) : List.of(String.join(", ", goal.members()))));
        rows.add(List.of(List.of(w.get("doc.partners")), goal.partners().isEmpty() ? List.of(none) : goal.partners().stream().map(PlanDocument::partner).toList()));
        rows.add(List.of(List.of(w.get("doc.outcomes")), goal.outcomes().isEmpty() ? List.of(none) : goal.outcomes().stream().map(o -> outcome(w, o)).toList()));
        return new Table(List.of(w.get("doc.component"), w.get("doc.inPlan")), rows);
    }

    private static String step(Words w, ActionStep s) {
        StringBuilder text = new StringBuilder(s.description());
        List<String> details = new ArrayList<>();
        details.add(s.owner() == null || s.owner().isBlank() ? w.get("doc.noOwner") : w.get("doc.lead", s.owner()));
        if (!s.team().isEmpty()) {
            details.add(w.get("doc.with", String.join(", ", s.team())));
        }
        details.add(w.get("doc.span", w.date(s.start()), w.date(s.due())));
        details.add(w.word("status.", s.status()));
        return text.append(" (").append(String.join("; ", details)).append(")").toString();
    }

    private static String span(Words w, PlanGoal goal) {
        LocalDate from = goal.steps().stream().map(ActionStep::start).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
        LocalDate to = goal.steps().stream().map(ActionStep::due).filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
        return from == null || to == null ? w.get("doc.noDated") : w.get("doc.span", w.date(from), w.date(to));
    }

    private static String partner(PlanPartner p) {
        return p.role() == null || p.role().isBlank() ? p.name() : p.name() + ": " + p.role();
    }

    private static String outcome(Words w, PlanOutcome o) {
        StringBuilder text = new StringBuilder(o.text() == null || o.text().isBlank() ? o.metric() : o.text());
        text.append(w.get("doc.outcome", o.metric(), o.group(), o.baseline() == null ? w.get("doc.toCollect") : number(o.baseline()),
                o.target() == null ? w.get("doc.notSet") : number(o.target()), w.date(o.targetDate())));
        if (o.dataSource() != null && !o.dataSource().isBlank()) {
            text.append(w.get("doc.data", o.dataSource()));
        }
        return text.append("]").toString();
    }

    private static Timeline timeline(Words w, Plan plan) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < plan.goals().size(); i++) {
            PlanGoal goal = plan.goals().get(i);
            for (ActionStep s : goal.steps()) {
                if (s.start() != null && s.due() != null) {
                    bars.add(new Bar(w.get("doc.goalBar", i + 1), s.description(), s.start(), s.due(), String.valueOf(goal.divide())));
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
