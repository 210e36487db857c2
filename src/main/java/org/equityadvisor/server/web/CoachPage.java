package org.equityadvisor.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.equityadvisor.model.InputException;
import org.equityadvisor.scenario.DiffReport;
import org.equityadvisor.server.RuleSetUpload;
import org.equityadvisor.server.RuleSets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coaches and admins: the rule set in service (hash, counts, when loaded, every scenario's result, the
 * generated cases and what no scenario covers, every problem with its place) and a reload; an uploaded rule
 * set checked, tested and compared with it, then put into service or not; the previous set back; the set in
 * service as a zip to start from. The words of a check, test and diff are those of the rules commands.
 */
@Controller
class CoachPage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoachPage.class);

    private final RuleSets ruleSets;
    private final RuleSetUpload uploads;
    private final DataSize maxFile;

    CoachPage(RuleSets ruleSets, RuleSetUpload uploads, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile) {
        this.ruleSets = ruleSets;
        this.uploads = uploads;
        this.maxFile = maxFile;
    }

    @GetMapping("/coach")
    String show(Model model) {
        fill(model);
        return "coach";
    }

    private void fill(Model model) {
        RuleSets.Active active = ruleSets.active();
        model.addAttribute("active", active);
        model.addAttribute("suite", active.suite());
        model.addAttribute("last", ruleSets.lastAttempt());
        model.addAttribute("folder", ruleSets.folder().map(Object::toString).orElse(null));
        model.addAttribute("origin", ruleSets.origin());
        model.addAttribute("previous", ruleSets.previous().isPresent());
        model.addAttribute("scenarioFolder", ruleSets.scenarios().map(Object::toString).orElse(null));
        model.addAttribute("maxUpload", maxFile.toKilobytes() >= 1024 ? maxFile.toMegabytes() + " MB" : maxFile.toKilobytes() + " KB");
    }

    @PostMapping("/coach/reload")
    String reload(RedirectAttributes redirect) {
        RuleSets.Attempt attempt = ruleSets.reload();
        redirect.addFlashAttribute("saved", attempt.swapped() ? "saved.reloaded" : "saved.refused");
        return "redirect:/coach";
    }

    /** Unpacks, checks, tests and compares the uploaded set; shows all of it on the coach page, with "Put into service" when it passed. */
    @PostMapping("/coach/upload")
    String upload(@RequestParam(name = "ruleset", required = false) MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        fill(model);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("uploadError", "coach.upload.none");
            return "coach";
        }
        try (InputStream in = file.getInputStream()) {
            RuleSetUpload.Review review = uploads.review(file.getOriginalFilename(), in);
            model.addAttribute("review", review);
            model.addAttribute("diffText", review.diff() == null ? null : review.diff().render(DiffReport.Format.TEXT));
        } catch (InputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", e.problems());
        }
        return "coach";
    }

    /** A file over the multipart limit: said on the page, with the limit, instead of the server's default error. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooBig(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        fill(model);
        model.addAttribute("uploadError", "coach.upload.tooBig");
        return "coach";
    }

    @PostMapping("/coach/install")
    String install(@RequestParam("id") String id, RedirectAttributes redirect) {
        if (ruleSets.folder().isEmpty()) {
            redirect.addFlashAttribute("saved", "saved.bundled");
            return "redirect:/coach";
        }
        try {
            RuleSets.Attempt attempt = uploads.install(id);
            redirect.addFlashAttribute("saved", attempt.swapped() ? "saved.installed" : "saved.refused");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("saved", "saved.uploadGone");
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Could not put a rule set into service: {}", e.getMessage());
            redirect.addFlashAttribute("saved", "saved.cannotWrite");
        }
        return "redirect:/coach";
    }

    @PostMapping("/coach/rollback")
    String rollback(RedirectAttributes redirect) {
        if (ruleSets.previous().isEmpty()) {
            redirect.addFlashAttribute("saved", "saved.noPrevious");
            return "redirect:/coach";
        }
        try {
            RuleSets.Attempt attempt = ruleSets.rollback();
            redirect.addFlashAttribute("saved", attempt.swapped() ? "saved.rolledBack" : "saved.refused");
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Could not put the previous rule set back: {}", e.getMessage());
            redirect.addFlashAttribute("saved", "saved.cannotWrite");
        }
        return "redirect:/coach";
    }

    /** The rule set in service as a zip: what a coach starts from. */
    @GetMapping("/coach/ruleset.zip")
    void download(HttpServletResponse response) throws IOException {
        String hash = ruleSets.active().kb().hash().replace("sha256:", "");
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rules-" + hash.substring(0, Math.min(12, hash.length())) + ".zip\"");
        uploads.download(response.getOutputStream());
    }
}
