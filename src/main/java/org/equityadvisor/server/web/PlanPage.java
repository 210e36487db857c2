package org.equityadvisor.server.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.Problem;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.plan.PlanCheck;
import org.equityadvisor.plan.PlanFile;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.PlanStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CoSN plan, edited in place: title, overview and reflection (with their word counts against the limit),
 * goals and their steps, owners and dates; the rubric check beside it after every save; the timeline; version
 * history with view and restore; exports. Each save names the version it was made against (the plan store's
 * optimistic update): a save against an old version changes nothing, and the page shows both versions and asks.
 */
@Controller
class PlanPage {

    private final Web web;
    private final PlanStore plans;
    private final MessageSource messages;

    PlanPage(Web web, PlanStore plans, MessageSource messages) {
        this.web = web;
        this.plans = plans;
        this.messages = messages;
    }

    /** The district's plan: its latest, or the advice to accept goals from when it has none yet. */
    @GetMapping("/districts/{id}/plan")
    String districtPlan(@PathVariable String id, Principal principal) {
        web.district(id, web.me(principal));
        return web.latestPlan(id).map(p -> "redirect:/plans/" + p.id()).orElse("redirect:/districts/" + id + "/advice");
    }

    @GetMapping("/plans/{id}")
    String show(@PathVariable String id, Principal principal, Model model) {
        PlanStore.Stored s = web.plan(id, web.me(principal));
        return page(s, s.plan(), s.version(), Map.of(), null, model);
    }

    private String page(PlanStore.Stored s, Plan shown, int version, Map<String, String> errors, Plan theirs, Model model) {
        model.addAttribute("stored", s);
        model.addAttribute("plan", shown);
        model.addAttribute("version", version);
        model.addAttribute("check", PlanCheck.of(shown, LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("errors", errors);
        model.addAttribute("theirs", theirs);
        model.addAttribute("maxWords", PlanCheck.MAX_WORDS);
        model.addAttribute("overviewWords", words(shown.overview()));
        model.addAttribute("reflectionWords", words(shown.reflection()));
        model.addAttribute("statuses", List.of(ActionStep.PLANNED, ActionStep.IN_PROGRESS, ActionStep.BLOCKED, ActionStep.DONE));
        model.addAttribute("timeline", Charts.timeline(shown, messages.getMessage("plan.timeline", null, LocaleContextHolder.getLocale()), ""));
        model.addAttribute("versions", plans.versions(s.id()));
        model.addAttribute("districtId", s.districtId());
        model.addAttribute("partnerChoices", web.kb().partners().values().stream().sorted(java.util.Comparator.comparing(Partner::title)).toList());
        return "plan";
    }

    /** Saves the edit made against {@code version}; on a newer stored version, shows both and keeps the edit in the form. */
    @PostMapping("/plans/{id}")
    String save(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        PlanStore.Stored s = web.plan(id, me);
        int version = parseInt(form.get("version"), s.version());
        Plan base = version == s.version() ? s.plan() : plans.version(id, version).orElse(s.plan());
        Map<String, String> errors = new LinkedHashMap<>();
        Plan mine = edited(base, form, errors);
        for (Problem p : PlanFile.problems(mine)) {
            errors.put(p.place(), p.message());
        }
        if (!errors.isEmpty()) {
            return page(s, mine, version, errors, null, model);
        }
        if (version != s.version()) {
            // Someone saved after this edit began: keep both, show both, let the user decide.
            return page(s, mine, s.version(), Map.of(), s.plan(), model);
        }
        if (plans.update(s, version, mine, me.getUsername(), "edited on the plan page").isEmpty()) {
            PlanStore.Stored now = web.plan(id, me);
            return page(now, mine, now.version(), Map.of(), now.plan(), model);
        }
        redirect.addFlashAttribute("saved", "saved.plan");
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/goals/{goal}/remove")
    String removeGoal(@PathVariable String id, @PathVariable String goal, @RequestParam int version, Principal principal, RedirectAttributes redirect) {
        return edit(id, version, principal, "removed goal " + goal, "saved.plan", redirect, plan -> new DraftPlan(web.advisor().knowledgeBase()).removeGoal(plan, goal));
    }

    /** A step of the leader's own under a goal: what, who leads it, from when to when. */
    @PostMapping("/plans/{id}/goals/{goal}/steps")
    String addStep(@PathVariable String id, @PathVariable String goal, @RequestParam int version, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String due,
            Principal principal, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> form = Map.of("start", start, "due", due);
        LocalDate from = date(form, "start", null, errors);
        LocalDate to = date(form, "due", null, errors);
        if (description.isBlank()) {
            errors.put("description", "is required: what the step does");
        }
        if (!errors.isEmpty()) {
            throw new InputException("new step", errors.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList());
        }
        ActionStep step = new ActionStep(null, description.strip(), blankNull(owner), List.of(), from, to, ActionStep.PLANNED);
        return edit(id, version, principal, "added a step to " + goal, "saved.plan", redirect, plan -> new DraftPlan(web.advisor().knowledgeBase()).addStep(plan, goal, step));
    }

    /** A partner from the catalog, or one of the leader's own (a name and what it does for the goal). */
    @PostMapping("/plans/{id}/goals/{goal}/partners")
    String addPartner(@PathVariable String id, @PathVariable String goal, @RequestParam int version, @RequestParam(defaultValue = "") String partner,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role, Principal principal, RedirectAttributes redirect) {
        DraftPlan drafts = new DraftPlan(web.advisor().knowledgeBase());
        return partner.isBlank()
                ? edit(id, version, principal, "added partner " + name.strip() + " to " + goal, "saved.plan", redirect, plan -> drafts.addPartner(plan, goal, name, role))
                : edit(id, version, principal, "added partner " + partner + " to " + goal, "saved.plan", redirect, plan -> drafts.acceptPartner(plan, goal, partner));
    }

    @PostMapping("/plans/{id}/goals/{goal}/partners/{partner}/remove")
    String removePartner(@PathVariable String id, @PathVariable String goal, @PathVariable String partner, @RequestParam int version, Principal principal,
            RedirectAttributes redirect) {
        return edit(id, version, principal, "removed partner " + partner + " from " + goal, "saved.plan", redirect,
                plan -> new DraftPlan(web.advisor().knowledgeBase()).removePartner(plan, goal, partner));
    }

    @GetMapping("/plans/{id}/versions/{v}")
    String version(@PathVariable String id, @PathVariable int v, Principal principal, Model model) {
        PlanStore.Stored s = web.plan(id, web.me(principal));
        Plan old = plans.version(id, v).orElseThrow(Web::notFound);
        model.addAttribute("stored", s);
        model.addAttribute("plan", old);
        model.addAttribute("shownVersion", v);
        model.addAttribute("check", PlanCheck.of(old, LocaleContextHolder.getLocale().getLanguage()));
        return "plan-version";
    }

    /** Makes an old version the newest one; every version in between stays in the history. */
    @PostMapping("/plans/{id}/versions/{v}/restore")
    String restore(@PathVariable String id, @PathVariable int v, @RequestParam int version, Principal principal, RedirectAttributes redirect) {
        Plan old = plans.version(id, v).orElseThrow(Web::notFound);
        return edit(id, version, principal, "restored version " + v, "saved.restored", redirect, plan -> old);
    }

    /**
     * One change to the plan as it was at {@code version}: saved as a new version when that is still the newest,
     * otherwise nothing changes and the page says the plan moved on.
     */
    private String edit(String id, int version, Principal principal, String change, String done, RedirectAttributes redirect, UnaryOperator<Plan> edit) {
        Accounts.Account me = web.me(principal);
        PlanStore.Stored s = web.plan(id, me);
        boolean ok = version == s.version() && plans.update(s, version, edit.apply(s.plan()), me.getUsername(), change).isPresent();
        redirect.addFlashAttribute("saved", ok ? done : "saved.stale");
        return "redirect:/plans/" + id;
    }

    @GetMapping("/plans/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "md") String format, Principal principal) {
        PlanStore.Stored s = web.plan(id, web.me(principal));
        PlanWriter.Format f;
        try {
            f = PlanWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("export", new Problem("format", e.getMessage()));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("plan-" + s.districtId() + "." + f.extension()).build().toString())
                .body(PlanWriter.write(s.plan(), f));
    }

    /** The plan with the form's text, goal and step fields; a field that cannot be read goes into {@code errors}, named as the plan file names it. */
    private static Plan edited(Plan base, Map<String, String> form, Map<String, String> errors) {
        List<PlanGoal> goals = new ArrayList<>();
        for (int g = 0; g < base.goals().size(); g++) {
            PlanGoal goal = base.goals().get(g);
            List<ActionStep> steps = new ArrayList<>();
            for (int i = 0; i < goal.steps().size(); i++) {
                ActionStep step = goal.steps().get(i);
                String p = "goals[" + g + "].steps[" + i + "].";
                steps.add(new ActionStep(step.id(), form.getOrDefault(p + "description", step.description()), blankNull(form.getOrDefault(p + "owner", step.owner())),
                        form.containsKey(p + "team") ? team(form.get(p + "team")) : step.team(), date(form, p + "start", step.start(), errors),
                        date(form, p + "due", step.due(), errors), form.getOrDefault(p + "status", step.status())));
            }
            List<PlanOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < goal.outcomes().size(); i++) {
                PlanOutcome o = goal.outcomes().get(i);
                String p = "goals[" + g + "].outcomes[" + i + "].";
                outcomes.add(new PlanOutcome(o.metric(), o.group(), decimal(form, p + "baseline", o.baseline(), errors), decimal(form, p + "target", o.target(), errors),
                        date(form, p + "targetDate", o.targetDate(), errors), o.dataSource(), o.text()));
            }
            String p = "goals[" + g + "].";
            goals.add(new PlanGoal(goal.id(), form.getOrDefault(p + "statement", goal.statement()), goal.divide(), form.getOrDefault(p + "who", goal.who()), steps,
                    goal.partners(), outcomes));
        }
        return base.withGoals(goals).withText(form.getOrDefault("title", base.title()), form.getOrDefault("overview", base.overview()),
                form.getOrDefault("reflection", base.reflection()));
    }

    private static LocalDate date(Map<String, String> form, String field, LocalDate was, Map<String, String> errors) {
        if (!form.containsKey(field)) {
            return was;
        }
        String text = form.get(field);
        if (text.isBlank()) {
            return null;
        }
        LocalDate date = FormFields.date(field, text, errors::put);
        return date == null ? was : date;
    }

    private static Double decimal(Map<String, String> form, String field, Double was, Map<String, String> errors) {
        if (!form.containsKey(field)) {
            return was;
        }
        String text = form.get(field);
        if (text.isBlank()) {
            return null;
        }
        Double number = FormFields.number(field, text, errors::put);
        return number == null ? was : number;
    }

    private static List<String> team(String text) {
        return List.of(text.split("\\s*,\\s*")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String blankNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException | NullPointerException e) {
            return otherwise;
        }
    }
}
