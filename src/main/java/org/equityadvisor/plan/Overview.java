package org.equityadvisor.plan;

import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.advise.Frames;
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

    /** The overview in the words' language (the draft's: {@code plan/words*.properties}). */
    static String write(Plan plan, Frames words) {
        List<String> gaps = plan.advice().findings().stream()
                .filter(f -> Finding.GAP.equals(f.kind()) || Finding.DATA_GAP.equals(f.kind()))
                .sorted((a, b) -> Boolean.compare("severe".equals(b.severity()), "severe".equals(a.severity())))
                .map(Finding::text).map(Overview::clause).toList();
        for (int shown = Math.min(MAX_FINDINGS, gaps.size()); shown >= 0; shown--) {
            String text = compose(words, plan, gaps.subList(0, shown));
            if (PlanCheck.words(text) <= PlanCheck.MAX_WORDS) {
                return text;
            }
        }
        return compose(words, plan, List.of());
    }

    private static String compose(Frames words, Plan plan, List<String> gaps) {
        List<String> sentences = new ArrayList<>();
        sentences.add(profile(words, plan.assessment(), plan.district()));
        if (!gaps.isEmpty()) {
            sentences.add(words.get("overview.data", String.join("; ", gaps)));
        }
        List<String> goals = plan.goals().stream().map(PlanGoal::statement).map(DraftPlan::lowerFirst).toList();
        if (!goals.isEmpty()) {
            sentences.add(words.get(goals.size() == 1 ? "overview.goals.one" : "overview.goals.other", goals.size(), String.join("; ", goals)));
        }
        sentences.add(words.get("overview.succeed"));
        return String.join(" ", sentences);
    }

    private static String profile(Frames words, Assessment assessment, String name) {
        District d = assessment == null ? District.named(name) : assessment.district();
        StringBuilder text = new StringBuilder(d.name());
        List<String> facts = new ArrayList<>();
        if (d.locale() != null) {
            facts.add(locale(words, d.locale()));
        }
        if (d.enrollment() != null) {
            facts.add(words.get("overview.students", String.format(java.util.Locale.ROOT, "%,d", d.enrollment())));
        }
        if (d.schools() != null) {
            facts.add(words.get(d.schools() == 1 ? "overview.school" : "overview.schools", d.schools()));
        }
        if (!facts.isEmpty()) {
            text.append(" (").append(String.join(", ", facts)).append(")");
        }
        return text.append(words.get("overview.wants")).toString();
    }

    /** "a rural district"; a locale the words do not know is said as the base words would. */
    private static String locale(Frames words, String locale) {
        try {
            return words.get("overview.locale." + locale);
        } catch (IllegalStateException e) {
            return "a " + locale + " district";
        }
    }

    /** A finding's text as a clause inside a sentence. */
    private static String clause(String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return DraftPlan.lowerFirst(t);
    }
}
