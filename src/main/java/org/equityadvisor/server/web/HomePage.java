package org.equityadvisor.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.plan.PlanCheck;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.PlanStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home: the user's districts, each with its assessment, advice and plan and what to do next; a new district. */
@Controller
class HomePage {

    private final Web web;
    private final AssessmentStore assessments;

    HomePage(Web web, AssessmentStore assessments) {
        this.web = web;
        this.assessments = assessments;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        Accounts.Account me = web.me(principal);
        List<Views.DistrictRow> rows = new ArrayList<>();
        for (AssessmentStore.Stored s : web.districts(me)) {
            rows.add(row(s));
        }
        model.addAttribute("districts", rows);
        model.addAttribute("canAdd", me.role() != Accounts.Role.COACH);
        model.addAttribute("myIds", me.role() == Accounts.Role.LEADER ? me.districts() : List.of());
        return "home";
    }

    private Views.DistrictRow row(AssessmentStore.Stored s) {
        int indicators = web.kb().indicators().size();
        var plan = web.latestPlan(s.districtId());
        String planId = plan.map(PlanStore.Stored::id).orElse(null);
        String planTitle = plan.map(p -> p.plan().title()).orElse(null);
        Integer goals = plan.map(p -> p.plan().goals().size()).orElse(null);
        Boolean passed = plan.map(p -> PlanCheck.of(p.plan()).passed()).orElse(null);
        Assessment a;
        try {
            a = web.assessment(s);
        } catch (InputException e) {
            // The rule set changed under a stored assessment: say what, and send the user to the data to fix it.
            return new Views.DistrictRow(s.districtId(), s.name(), 0, indicators, 0, 0, null, planId, planTitle, goals, passed, "next.fix",
                    "/districts/" + s.districtId() + "/data", e.problems().get(0).toString());
        }
        Advice advice = web.advisor().advise(a);
        int answered = a.answers().size();
        String next;
        String link;
        if (answered < indicators) {
            next = "next.assessment";
            link = "/districts/" + s.districtId() + "/assessment";
        } else if (a.measures().isEmpty()) {
            next = "next.data";
            link = "/districts/" + s.districtId() + "/data";
        } else if (plan.isEmpty()) {
            next = "next.advice";
            link = "/districts/" + s.districtId() + "/advice";
        } else if (!passed) {
            next = "next.plan";
            link = "/plans/" + planId;
        } else {
            next = "next.export";
            link = "/plans/" + planId;
        }
        String top = advice.goals().isEmpty() ? null : advice.goals().get(0).title();
        return new Views.DistrictRow(s.districtId(), s.name(), answered, indicators, a.measures().size(), advice.findings().size(), top, planId, planTitle,
                goals, passed, next, link, null);
    }

    /** A new district from scratch: its id and name (a leader only for an id they serve). */
    @PostMapping("/districts")
    String create(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String state,
            Principal principal, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        List<Problem> problems = new ArrayList<>();
        String districtId = id.strip();
        if (!districtId.matches("\\d{7}")) {
            problems.add(new Problem("district.id", "must be the district's 7-digit NCES id, e.g. 0612345"));
        } else if (!me.serves(districtId)) {
            problems.add(new Problem("district.id", "is not one of your districts (" + String.join(", ", me.districts()) + ")"));
        } else if (assessments.find(districtId).isPresent()) {
            problems.add(new Problem("district.id", districtId + " is already here: open it from the list"));
        }
        if (name.isBlank()) {
            problems.add(new Problem("district.name", "is required"));
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("errors", problems.stream().map(Views.FieldError::of).toList());
            redirect.addFlashAttribute("form", Map.of("id", id, "name", name, "state", state));
            return "redirect:/";
        }
        District d = new District(name.strip(), districtId, state.isBlank() ? null : state.strip(), null, null, null, null, null, List.of());
        Assessment a = new Assessment(d, List.of(), List.of(), Map.of());
        // Through the reader, so the district's fields meet the same checks as a file's.
        a = assessments.reader().read("new district", assessments.writer().yaml(a, List.of()));
        assessments.save(a, me.getUsername());
        redirect.addFlashAttribute("saved", "saved.created");
        return "redirect:/districts/" + districtId + "/assessment";
    }

    /** A new district from an assessment file (the contract's YAML or JSON). */
    @PostMapping("/districts/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean replace, Principal principal,
            RedirectAttributes redirect) throws IOException {
        Accounts.Account me = web.me(principal);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
        Assessment a;
        try {
            a = assessments.reader().read(name, new String(file.getBytes(), StandardCharsets.UTF_8));
        } catch (InputException e) {
            redirect.addFlashAttribute("uploadErrors", e.problems().stream().map(Views.FieldError::of).toList());
            return "redirect:/";
        }
        String districtId = a.district().id();
        Problem wrong = null;
        if (districtId == null || districtId.isBlank()) {
            wrong = new Problem(name + ": district.id", "is required: the district's 7-digit NCES id, in quotes");
        } else if (!me.serves(districtId)) {
            wrong = new Problem(name + ": district.id", districtId + " is not one of your districts (" + String.join(", ", me.districts()) + ")");
        } else if (!replace && assessments.find(districtId).isPresent()) {
            wrong = new Problem(name + ": district.id", districtId + " already has an assessment here: tick “replace” to put this file in its place");
        }
        if (wrong != null) {
            redirect.addFlashAttribute("uploadErrors", List.of(Views.FieldError.of(wrong)));
            return "redirect:/";
        }
        assessments.save(a, me.getUsername());
        redirect.addFlashAttribute("saved", "saved.uploaded");
        return "redirect:/districts/" + districtId + "/advice";
    }
}
