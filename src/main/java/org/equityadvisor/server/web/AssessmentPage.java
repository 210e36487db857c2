package org.equityadvisor.server.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.server.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-assessment: the catalog's indicators grouped by area, each with its four level descriptions as the
 * choices and a note; n of 25 answered. Saving keeps what was answered, so a team can stop and come back.
 */
@Controller
class AssessmentPage {

    private final Web web;
    private final AssessmentStore assessments;

    AssessmentPage(Web web, AssessmentStore assessments) {
        this.web = web;
        this.assessments = assessments;
    }

    @GetMapping("/districts/{id}/assessment")
    String show(@PathVariable String id, Principal principal, Model model) {
        AssessmentStore.Stored stored = web.district(id, web.me(principal));
        Assessment a = web.assessment(stored);
        Map<String, List<Views.Item>> areas = new LinkedHashMap<>();
        for (Indicator i : web.kb().indicators().values()) {
            Answer given = a.answer(i.id()).orElse(null);
            areas.computeIfAbsent(i.domain(), k -> new ArrayList<>()).add(new Views.Item(i, given == null ? 0 : given.level(), given == null ? "" : given.note()));
        }
        model.addAttribute("district", stored);
        model.addAttribute("areas", areas.entrySet().stream().map(e -> new Views.Area(e.getKey(), e.getValue())).toList());
        model.addAttribute("answered", a.answers().size());
        model.addAttribute("total", web.kb().indicators().size());
        return "assessment";
    }

    /** Form fields level_ID (1..4, or empty for not answered yet) and note_ID for every indicator. */
    @PostMapping("/districts/{id}/assessment")
    String save(@PathVariable String id, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "save") String then, Principal principal,
            RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        AssessmentStore.Stored stored = web.district(id, me);
        Assessment a = web.assessment(stored);
        List<Answer> answers = new ArrayList<>();
        for (Indicator i : web.kb().indicators().values()) {
            String level = form.getOrDefault("level_" + i.id(), "").strip();
            String note = form.getOrDefault("note_" + i.id(), "").strip();
            if (level.matches("[1-4]")) {
                answers.add(new Answer(i.id(), Integer.parseInt(level), note.isEmpty() ? null : note));
            }
        }
        Assessment changed = new Assessment(a.district(), answers, a.measures(), a.thresholds());
        // Through the YAML and the reader: the stored file is exactly what the CLI would read, with its checks.
        changed = assessments.reader().read("self-assessment", assessments.writer().yaml(changed, List.of()));
        assessments.save(changed, me.getUsername());
        redirect.addFlashAttribute("saved", "saved.assessment");
        return then.equals("advice") ? "redirect:/districts/" + id + "/advice" : "redirect:/districts/" + id + "/assessment";
    }
}
