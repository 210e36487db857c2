package org.equityadvisor.server.web;

import org.equityadvisor.server.RuleSets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coaches and admins: the rule set in service (hash, counts, when loaded, scenario results, every problem with its place) and a reload. */
@Controller
class CoachPage {

    private final RuleSets ruleSets;

    CoachPage(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping("/coach")
    String show(Model model) {
        model.addAttribute("active", ruleSets.active());
        model.addAttribute("last", ruleSets.lastAttempt());
        model.addAttribute("folder", ruleSets.folder().toString());
        return "coach";
    }

    @PostMapping("/coach/reload")
    String reload(RedirectAttributes redirect) {
        RuleSets.Attempt attempt = ruleSets.reload();
        redirect.addFlashAttribute("saved", attempt.swapped() ? "saved.reloaded" : "saved.refused");
        return "redirect:/coach";
    }
}
