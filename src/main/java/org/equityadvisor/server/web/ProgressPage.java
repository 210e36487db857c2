package org.equityadvisor.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.export.ReportWriter;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Cadence;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.progress.Progress;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.CalendarFeeds;
import org.equityadvisor.server.PlanStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Carrying a plan out, on one page: each step's status (who changed it and when), each outcome's figures
 * against its baseline and target with the trend chart and its table, what is due for whom, the reporting
 * cadence, the calendar feed, and the yearly report. Every change goes through {@link Progress} as the API's
 * does, and is saved as a new version of the plan with who made it. A change made against an old version
 * changes nothing: the page shows what is saved now beside the change, and asks. A state coordinator reads
 * the page of a plan of their state and changes nothing.
 */
@Controller
class ProgressPage {

    /** Where an edit that could not be saved goes back on the page: which form, its fields' errors, what was entered. */
    public record Pending(String form, Map<String, String> errors, Map<String, String> entered) {
    }

    /** A change that met a newer version: what is saved now and what this user asked for, with a form to save theirs anyway. */
    public record Conflict(int savedVersion, String savedBy, String theirs, String mine, String action, Map<String, String> fields) {
    }

    /** One outcome on the page: where it stands, its chart, the chart's figures as rows, and the form's key for it. */
    public record OutcomeView(OutcomeProgress progress, String svg, String key, List<Figure> figures, String baseline, String target) {
    }

    /** A row of the table behind a chart, numbers written as the report writes them (12, not 12.0). */
    public record Figure(String date, String value, String n, String source, String who) {
    }

    private final Web web;
    private final PlanStore plans;
    private final CalendarFeeds feeds;

    ProgressPage(Web web, PlanStore plans, CalendarFeeds feeds) {
        this.web = web;
        this.plans = plans;
        this.feeds = feeds;
    }

    private Progress progress() {
        return new Progress(web.kb());
    }

    /** A plan this user may read: of their districts, or of the state they coordinate (as the API decides); anyone else's is a 404. */
    PlanStore.Stored readable(String id, Accounts.Account me) {
        return plans.find(id).filter(p -> !p.deleted() && (me.serves(p.districtId()) || me.readsState(PlanStore.state(p.plan()))))
                .orElseThrow(Web::notFound);
    }

    /** A plan this user may change: a coordinator who may read it gets 403, which says why, rather than a 404. */
    private PlanStore.Stored editable(String id, Accounts.Account me) {
        PlanStore.Stored s = readable(id, me);
        if (!me.serves(s.districtId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return s;
    }

    @GetMapping("/plans/{id}/progress")
    String show(@PathVariable String id, @RequestParam(name = "as", required = false) String owner, Principal principal, Model model) {
        Accounts.Account me = web.me(principal);
        return page(readable(id, me), me, owner, null, null, model);
    }

    private String page(PlanStore.Stored s, Accounts.Account me, String owner, Pending pending, Conflict conflict, Model model) {
        Plan plan = s.plan();
        Progress progress = progress();
        LocalDate today = LocalDate.now();
        String as = owner == null || owner.isBlank() ? null : owner;
        List<OutcomeView> outcomes = new ArrayList<>();
        for (OutcomeProgress p : progress.outcomes(plan, today)) {
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(String.valueOf(plan.start()), number(p.outcome().baseline()), "", "baseline", ""));
            for (Actual a : p.actuals()) {
                figures.add(new Figure(a.date().toString(), number(a.value()), a.n() == null ? "" : a.n().toString(), a.source(), a.who()));
            }
            if (p.outcome().targetDate() != null) {
                figures.add(new Figure(p.outcome().targetDate().toString(), number(p.outcome().target()), "", "target", ""));
            }
            outcomes.add(new OutcomeView(p, ReportWriter.trendSvg(p), p.goalId() + "-" + p.id().replace('/', '-'), figures,
                    number(p.outcome().baseline()), number(p.outcome().target())));
        }
        model.addAttribute("stored", s);
        model.addAttribute("plan", plan);
        model.addAttribute("districtId", s.districtId());
        model.addAttribute("canEdit", me.serves(s.districtId()));
        model.addAttribute("statuses", StepStatus.values());
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("owners", progress.owners(plan));
        model.addAttribute("owner", as);
        model.addAttribute("due", progress.due(plan, today, as));
        model.addAttribute("today", today);
        model.addAttribute("tokens", feeds.tokens(me).stream().filter(t -> t.district().equals(s.districtId())).toList());
        model.addAttribute("pending", pending == null ? new Pending("", Map.of(), Map.of()) : pending);
        model.addAttribute("conflict", conflict);
        return "progress";
    }

    // --- changes -----------------------------------------------------------------------------------------

    /** A step's status; blocked needs a note. Same check and words as {@code plan status} and the API (Progress.setStatus). */
    @PostMapping("/plans/{id}/progress/status")
    String status(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String goal = form.getOrDefault("goal", "");
        String step = form.getOrDefault("step", "");
        String note = blankNull(form.get("note"));
        String scope = "step-" + goal + "-" + step;
        return change(id, form, scope, principal, model, response, redirect, me -> {
            StepStatus status = Progress.status("status", form.getOrDefault("status", ""));
            LocalDate on = LocalDate.now();
            return new Change("step " + step + " of " + goal + ": " + status.code() + (note == null ? "" : " (" + note + ")"),
                    plan -> progress().setStatus(plan, goal, step, status, note, me.getUsername(), on),
                    plan -> plan.goals().stream().filter(g -> g.id().equals(goal)).flatMap(g -> g.steps().stream()).filter(x -> step.equals(x.id()))
                            .map(x -> x.status() + (x.note() == null ? "" : " (" + x.note() + ")") + (x.updatedBy() == null ? "" : " · " + x.updatedBy() + " " + x.updated()))
                            .findFirst().orElse(""),
                    status.code() + (note == null ? "" : " (" + note + ")"));
        });
    }

    /** An outcome figure: date, value, n, source. The checks are Progress.recordActual's, as for {@code plan actual}. */
    @PostMapping("/plans/{id}/progress/actual")
    String actual(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String goal = blankNull(form.get("goal"));
        String outcome = form.getOrDefault("outcome", "");
        String scope = "actual-" + goal + "-" + outcome.replace('/', '-');
        return change(id, form, scope, principal, model, response, redirect, me -> {
            List<Problem> problems = new ArrayList<>();
            Double value = number(form.get("value"), "value", problems);
            LocalDate date = date(form.get("date"), problems);
            Integer n = count(form.get("n"), problems);
            if (!problems.isEmpty()) {
                throw new InputException("figure", problems);
            }
            Actual actual = new Actual(date, value, n, blankNull(form.get("source")), me.getUsername());
            String figure = outcome + " = " + form.get("value").strip() + " on " + date;
            return new Change("figure " + figure, plan -> progress().recordActual(plan, goal, outcome, actual).plan(),
                    plan -> progress().outcomes(plan, LocalDate.now()).stream().filter(o -> o.id().equals(outcome) && (goal == null || goal.equals(o.goalId())))
                            .findFirst().map(OutcomeProgress::sentence).orElse(""),
                    figure);
        });
    }

    /** How often the plan reports its figures. */
    @PostMapping("/plans/{id}/progress/cadence")
    String cadence(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(id, form, "cadence", principal, model, response, redirect, me -> {
            Cadence cadence;
            try {
                cadence = Cadence.valueOf(form.getOrDefault("cadence", ""));
            } catch (IllegalArgumentException e) {
                throw new InputException("cadence", new Problem("cadence", "'" + form.get("cadence") + "' is not one of MONTHLY, QUARTERLY"));
            }
            return new Change("reports " + cadence.name().toLowerCase(java.util.Locale.ROOT), plan -> plan.withCadence(cadence),
                    plan -> plan.reporting().name(), cadence.name());
        });
    }

    /** One change: the version's note, the edit, how to show the saved plan's side and this user's side of a conflict. */
    private record Change(String note, UnaryOperator<Plan> edit, java.util.function.Function<Plan, String> theirs, String mine) {
    }

    private interface ChangeMaker {
        Change make(Accounts.Account me);
    }

    /**
     * Saves a change made against the form's version. Bad input re-renders the page (400) with each error at
     * its field and the entries kept; a newer saved version re-renders it (409) with both sides and a button to
     * apply this change to the newest version.
     */
    private String change(String id, Map<String, String> form, String scope, Principal principal, Model model, HttpServletResponse response,
            RedirectAttributes redirect, ChangeMaker maker) {
        Accounts.Account me = web.me(principal);
        PlanStore.Stored s = editable(id, me);
        int version = parseInt(form.get("version"), s.version());
        Change change;
        Plan edited;
        try {
            change = maker.make(me);
            edited = change.edit().apply(s.plan());
        } catch (InputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.place(), p.message(), (a, b) -> a + "; " + b));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(s, me, null, new Pending(scope, errors, form), null, model);
        }
        if (version != s.version() || plans.update(s, version, edited, me.getUsername(), change.note()).isEmpty()) {
            PlanStore.Stored now = readable(id, me);
            List<PlanStore.Version> versions = plans.versions(id);
            String by = versions.isEmpty() ? "" : versions.get(versions.size() - 1).savedBy();
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.remove("_csrf");
            fields.put("version", Integer.toString(now.version()));
            response.setStatus(HttpStatus.CONFLICT.value());
            String action = "/plans/" + id + "/progress/" + (scope.startsWith("step") ? "status" : scope.startsWith("actual") ? "actual" : "cadence");
            return page(now, me, null, null, new Conflict(now.version(), by, change.theirs().apply(now.plan()), change.mine(), action, fields), model);
        }
        redirect.addFlashAttribute("saved", "progress.saved");
        return "redirect:/plans/" + id + "/progress#" + scope;
    }

    // --- calendar feed -----------------------------------------------------------------------------------

    @PostMapping("/plans/{id}/progress/calendar")
    String subscribe(@PathVariable String id, Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        PlanStore.Stored s = readable(id, me);
        if (!feeds.mayFollow(me, s.districtId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        CalendarFeeds.Created made = feeds.create(me, s.districtId());
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath();
        redirect.addFlashAttribute("feedUrl", base + made.path());
        redirect.addFlashAttribute("saved", "progress.calendar.made");
        return "redirect:/plans/" + id + "/progress#calendar";
    }

    @PostMapping("/plans/{id}/progress/calendar/{token}/revoke")
    String revoke(@PathVariable String id, @PathVariable String token, Principal principal, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        readable(id, me);
        redirect.addFlashAttribute("saved", feeds.revoke(me, token) ? "progress.calendar.revoked" : "progress.calendar.gone");
        return "redirect:/plans/" + id + "/progress#calendar";
    }

    // --- yearly report -----------------------------------------------------------------------------------

    /** The yearly report up to today (or {@code on}), as the API and {@code plan report} write it. */
    @GetMapping("/plans/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(defaultValue = "md") String format, @RequestParam(required = false) String on,
            Principal principal) {
        PlanStore.Stored s = readable(id, web.me(principal));
        PlanWriter.Format f;
        List<Problem> problems = new ArrayList<>();
        try {
            f = PlanWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("report", new Problem("format", e.getMessage()));
        }
        LocalDate day = on == null || on.isBlank() ? LocalDate.now() : date(on, problems);
        if (!problems.isEmpty()) {
            throw new InputException("report", problems);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("report-" + s.districtId() + "." + f.extension()).build().toString())
                .body(ReportWriter.write(progress().report(s.plan(), day), f));
    }

    // --- reading the form: the words the plan page and the API use ---------------------------------------

    static Double number(String text, String field, List<Problem> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            problems.add(new Problem(field, "is required: the figure, a number in the metric's unit"));
            return null;
        }
        return FormFields.number(field, t, (f, m) -> problems.add(new Problem(f, m)));
    }

    static LocalDate date(String text, List<Problem> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            problems.add(new Problem("date", "is required (YYYY-MM-DD)"));
            return null;
        }
        return FormFields.date("date", t, (f, m) -> problems.add(new Problem(f, m)));
    }

    private static Integer count(String text, List<Problem> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(new Problem("n", "must be a whole number of students or answers"));
            return null;
        }
    }

    private static String number(Double v) {
        return v == null ? "—" : AssessmentWriter.number(v);
    }

    static String blankNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException | NullPointerException e) {
            return otherwise;
        }
    }
}
