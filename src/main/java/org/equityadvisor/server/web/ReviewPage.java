package org.equityadvisor.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Optional;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.progress.Progress;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.PlanStore;
import org.equityadvisor.server.RuleSets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Re-advice on newer figures: the district's latest saved assessment, or an uploaded file (the contract's
 * YAML or JSON), advised with the rule set in service and compared with the advice the plan began with, as
 * {@code plan review} and the API do it (Progress.review). Accepting records the new figures as outcome figures
 * and makes the new advice the plan's, as a new version; the goals stay.
 */
@Controller
class ReviewPage {

    private final Web web;
    private final PlanStore plans;
    private final AssessmentStore assessments;
    private final ProgressPage progressPage;

    ReviewPage(Web web, PlanStore plans, AssessmentStore assessments, ProgressPage progressPage) {
        this.web = web;
        this.plans = plans;
        this.assessments = assessments;
        this.progressPage = progressPage;
    }

    private PlanStore.Stored mine(String id, Accounts.Account me) {
        PlanStore.Stored s = progressPage.readable(id, me);
        if (!me.serves(s.districtId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return s;
    }

    @GetMapping("/plans/{id}/review")
    String form(@PathVariable String id, Principal principal, Model model) {
        PlanStore.Stored s = mine(id, web.me(principal));
        return page(s, null, null, null, model);
    }

    private String page(PlanStore.Stored s, Progress.Review review, String source, String text, Model model) {
        model.addAttribute("stored", s);
        model.addAttribute("plan", s.plan());
        model.addAttribute("districtId", s.districtId());
        model.addAttribute("latest", assessments.find(s.districtId()).orElse(null));
        model.addAttribute("review", review);
        if (review != null) {
            java.util.Map<String, java.util.List<String>> parts = new java.util.LinkedHashMap<>();
            parts.put("gapsClosed", review.gapsClosed());
            parts.put("newGaps", review.newGaps());
            parts.put("outcomesAchieved", review.outcomesAchieved());
            parts.put("goalsNoLongerSupported", review.goalsNoLongerSupported());
            model.addAttribute("parts", parts);
        }
        model.addAttribute("source", source);
        model.addAttribute("text", text);
        return "review";
    }

    /** Compares: {@code source=saved} takes the district's latest saved assessment, otherwise the uploaded file. */
    @PostMapping("/plans/{id}/review")
    String compare(@PathVariable String id, @RequestParam(defaultValue = "saved") String source, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String text, Principal principal, Model model) throws IOException {
        PlanStore.Stored s = mine(id, web.me(principal));
        String yaml = text(s, source, file, text);
        Progress.Review review = review(s, yaml, source);
        return page(s, review, source, yaml, model);
    }

    /** Accepts the comparison into the plan as a new version; on a newer version nothing changes and the page says so. */
    @PostMapping("/plans/{id}/review/accept")
    String accept(@PathVariable String id, @RequestParam int version, @RequestParam String source, @RequestParam(required = false) String text,
            Principal principal, Model model, RedirectAttributes redirect) throws IOException {
        Accounts.Account me = web.me(principal);
        PlanStore.Stored s = mine(id, me);
        String yaml = text(s, source, null, text);
        Progress.Review review = review(s, yaml, source);
        LocalDate on = LocalDate.now();
        boolean ok = version == s.version() && plans.update(s, version, new Progress(web.kb()).accept(s.plan(), review, me.getUsername(), on),
                me.getUsername(), "review accepted: figures of " + on).isPresent();
        if (!ok) {
            // The plan moved on: show the comparison against the plan as it is now, to accept again.
            model.addAttribute("stale", true);
            return page(progressPage.readable(id, me), review(progressPage.readable(id, me), yaml, source), source, yaml, model);
        }
        redirect.addFlashAttribute("saved", "progress.review.accepted");
        return "redirect:/plans/" + id + "/progress";
    }

    private String text(PlanStore.Stored s, String source, MultipartFile file, String text) throws IOException {
        if ("saved".equals(source)) {
            return assessments.find(s.districtId()).map(AssessmentStore.Stored::yaml)
                    .orElseThrow(() -> new InputException("review", new Problem("assessment", "the district has no saved assessment: upload one")));
        }
        if (file != null && !file.isEmpty()) {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        return Optional.ofNullable(text).filter(t -> !t.isBlank())
                .orElseThrow(() -> new InputException("review", new Problem("file", "is required: the district's new assessment (YAML or JSON)")));
    }

    private Progress.Review review(PlanStore.Stored s, String text, String source) {
        RuleSets.Active active = web.active();
        Assessment now = assessments.reader().read("saved".equals(source) ? "district " + s.districtId() : "upload", text);
        if (!s.districtId().equals(now.district().id())) {
            throw new InputException("review", new Problem("assessment.district.id", "must be the plan's district, " + s.districtId()));
        }
        Advice advice = active.advisor().advise(now);
        return new Progress(active.kb()).review(s.plan(), now, advice);
    }
}
