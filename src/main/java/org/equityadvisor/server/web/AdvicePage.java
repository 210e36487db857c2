package org.equityadvisor.server.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.PlanStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The advice: findings first, a chart per metric of the district and each group against the threshold, then
 * the ranked goals with their actions, partners and outcomes, each "why" one click away; a filter by divide;
 * and buttons that accept a goal, an action or a partner into the district's plan (drafting it on the first).
 */
@Controller
class AdvicePage {

    private final Web web;
    private final PlanStore plans;
    private final MessageSource messages;

    AdvicePage(Web web, PlanStore plans, MessageSource messages) {
        this.web = web;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/districts/{id}/advice")
    String show(@PathVariable String id, @RequestParam(required = false) String divide, Principal principal, Model model) {
        AssessmentStore.Stored stored = web.district(id, web.me(principal));
        Assessment a = web.assessment(stored);
        // The page's language for the advice and for the group names of its charts.
        org.equityadvisor.advise.Advisor advisor = web.advisor();
        KnowledgeBase kb = advisor.knowledgeBase();
        Advice advice = advisor.advise(a);
        Divide only = null;
        if (divide != null && !divide.isBlank()) {
            try {
                only = Divide.valueOf(divide.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                only = null;
            }
        }
        final Divide filter = only;
        List<SuggestedGoal> goals = advice.goals().stream().filter(g -> filter == null || g.divide() == filter).toList();
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        // Figures that cannot be right come first: the advice resting on them is only as good as they are.
        for (String kind : List.of(Finding.WARNING, Finding.GAP, Finding.INFERRED, Finding.WEAKNESS, Finding.DATA_GAP, Finding.STRENGTH)) {
            List<Finding> of = advice.findings().stream().filter(f -> f.kind().equals(kind)).toList();
            if (!of.isEmpty()) {
                findings.put(kind, of);
            }
        }
        Optional<PlanStore.Stored> plan = web.latestPlan(id);
        model.addAttribute("district", stored);
        model.addAttribute("advice", advice);
        model.addAttribute("findings", findings);
        model.addAttribute("goals", goals);
        model.addAttribute("divide", filter == null ? "" : filter.name());
        model.addAttribute("divides", Divide.values());
        model.addAttribute("charts", charts(a, kb));
        model.addAttribute("plan", plan.orElse(null));
        model.addAttribute("inPlan", plan.map(p -> p.plan().goals().stream().map(g -> g.id()).toList()).orElse(List.of()));
        model.addAttribute("kb", kb);
        return "advice";
    }

    private List<Views.Chart> charts(Assessment a, KnowledgeBase kb) {
        Locale locale = LocaleContextHolder.getLocale();
        String thresholdWord = messages.getMessage("chart.threshold", null, locale);
        String pastWord = messages.getMessage("chart.past", null, locale);
        Map<String, List<Measure>> byMetric = new LinkedHashMap<>();
        for (Measure m : a.withoutSuppressed().measures()) {
            byMetric.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(m);
        }
        List<Views.Chart> charts = new ArrayList<>();
        Catalog catalog = new Catalog(web);
        for (var e : byMetric.entrySet()) {
            Metric metric = kb.metrics().get(e.getKey());
            if (metric == null) {
                continue;
            }
            if (a.thresholds().containsKey(metric.id())) {
                metric = metric.withThreshold(a.thresholds().get(metric.id()));
            }
            List<Measure> rows = new ArrayList<>(e.getValue());
            rows.sort((x, y) -> x.wholeDistrict() == y.wholeDistrict() ? 0 : x.wholeDistrict() ? -1 : 1);
            List<String> names = rows.stream().map(m -> m.wholeDistrict() ? messages.getMessage("chart.district", null, locale) : kb.groupName(m.group())).toList();
            String title = catalog.title(metric);
            charts.add(new Views.Chart(metric, Charts.metric(metric, title, rows, names, metric.threshold(), thresholdWord, pastWord), rows, metric.threshold(),
                    metric.direction() == Metric.Direction.HIGHER_IS_WORSE));
        }
        return charts;
    }

    /**
     * Accepts a goal ({@code goal}), or one of its actions ({@code action}) or partners ({@code partner}) into the
     * district's latest plan, drafting the plan with this goal when there is none yet.
     */
    @PostMapping("/districts/{id}/accept")
    String accept(@PathVariable String id, @RequestParam String goal, @RequestParam(required = false) String action,
            @RequestParam(required = false) String partner, @RequestParam(defaultValue = "") String divide, Principal principal, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        AssessmentStore.Stored stored = web.district(id, me);
        Assessment a = web.assessment(stored);
        DraftPlan drafts = new DraftPlan(web.advisor().knowledgeBase());
        Optional<PlanStore.Stored> current = web.latestPlan(id);
        String planId;
        if (current.isEmpty()) {
            Advice advice = web.advisor().advise(a);
            Plan plan = drafts.draft(a, advice, List.of(goal), null);
            plan = withItem(drafts, plan, goal, action, partner);
            planId = plans.create(plan, id, me.getUsername()).id();
        } else {
            PlanStore.Stored s = current.get();
            Plan plan = s.plan();
            String change;
            if (plan.goals().stream().noneMatch(g -> g.id().equals(goal))) {
                plan = drafts.acceptGoal(plan, goal);
                change = "accepted goal " + goal;
            } else {
                change = "accepted";
            }
            plan = withItem(drafts, plan, goal, action, partner);
            if (action != null) {
                change = "accepted " + action + " into " + goal;
            } else if (partner != null) {
                change = "added partner " + partner + " to " + goal;
            }
            if (plan.equals(s.plan())) {
                // Already in the plan: no new version for nothing.
                redirect.addFlashAttribute("saved", "saved.accepted");
                return "redirect:/districts/" + id + "/advice" + (divide.isBlank() ? "" : "?divide=" + divide) + "#goal-" + goal;
            }
            if (plans.update(s, s.version(), plan, me.getUsername(), change).isEmpty()) {
                redirect.addFlashAttribute("saved", "saved.stale");
                return "redirect:/districts/" + id + "/advice";
            }
            planId = s.id();
        }
        redirect.addFlashAttribute("saved", "saved.accepted");
        redirect.addFlashAttribute("planId", planId);
        return "redirect:/districts/" + id + "/advice" + (divide.isBlank() ? "" : "?divide=" + divide) + "#goal-" + goal;
    }

    /** The action or partner asked for, unless accepting the goal already brought it in. */
    private static Plan withItem(DraftPlan drafts, Plan plan, String goal, String action, String partner) {
        var g = plan.goals().stream().filter(x -> x.id().equals(goal)).findFirst().orElseThrow();
        if (action != null && g.steps().stream().noneMatch(s -> s.id().equals(action))) {
            plan = drafts.acceptAction(plan, goal, action);
        }
        if (partner != null && g.partners().stream().noneMatch(p -> p.id().equals(partner))) {
            plan = drafts.acceptPartner(plan, goal, partner);
        }
        return plan;
    }
}
