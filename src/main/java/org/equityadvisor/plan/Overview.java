package org.equityadvisor.plan;

import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;

/**
 * Part 1 of the CoSN plan: an overview of at most 200 words, drafted from the district's profile, its most
 * pressing findings and the goals accepted, naming the key elements of a successful initiative the
 * frameworks agree on. The leader is expected to rewrite it in the district's own voice.
 */
final class Overview {

    private static final int MAX_FINDINGS = 4;

    private Overview() {
    }

    static String write(Plan plan, KnowledgeBase kb) {
        List<String> gaps = plan.advice().findings().stream()
                .filter(f -> Finding.GAP.equals(f.kind()) || Finding.DATA_GAP.equals(f.kind()))
                .sorted((a, b) -> Boolean.compare("severe".equals(b.severity()), "severe".equals(a.severity())))
                .map(Finding::text).map(Overview::clause).toList();
        for (int shown = Math.min(MAX_FINDINGS, gaps.size()); shown >= 0; shown--) {
            String text = compose(plan, gaps.subList(0, shown));
            if (PlanCheck.words(text) <= PlanCheck.MAX_WORDS) {
                return text;
            }
        }
        return compose(plan, List.of());
    }

    private static String compose(Plan plan, List<String> gaps) {
        List<String> sentences = new ArrayList<>();
        sentences.add(profile(plan.assessment(), plan.district()));
        if (!gaps.isEmpty()) {
            sentences.add("Our own data show where to start: " + String.join("; ", gaps) + ".");
        }
        List<String> goals = plan.goals().stream().map(PlanGoal::statement).map(DraftPlan::lowerFirst).toList();
        if (!goals.isEmpty()) {
            sentences.add("This plan sets " + goals.size() + (goals.size() == 1 ? " goal: " : " goals: ") + String.join("; ", goals) + ".");
        }
        sentences.add("It will succeed if a cross-functional team owns it, families and community partners shape it, "
                + "every figure is broken down by student group, and progress is reported and the plan revised every year.");
        return String.join(" ", sentences);
    }

    private static String profile(Assessment assessment, String name) {
        District d = assessment == null ? District.named(name) : assessment.district();
        StringBuilder text = new StringBuilder(d.name());
        List<String> facts = new ArrayList<>();
        if (d.locale() != null) {
            facts.add("a " + d.locale() + " district");
        }
        if (d.enrollment() != null) {
            facts.add(String.format(java.util.Locale.ROOT, "%,d students", d.enrollment()));
        }
        if (d.schools() != null) {
            facts.add(d.schools() + (d.schools() == 1 ? " school" : " schools"));
        }
        if (!facts.isEmpty()) {
            text.append(" (").append(String.join(", ", facts)).append(")");
        }
        return text.append(" wants every student to have the access, the teaching and the learning design that let them use technology to learn.").toString();
    }

    /** A finding's text as a clause inside a sentence. */
    private static String clause(String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return DraftPlan.lowerFirst(t);
    }
}
