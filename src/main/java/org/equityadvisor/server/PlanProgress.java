package org.equityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.export.ReportWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.progress.Progress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carrying a stored plan out (docs/progress.md): step status and outcome figures, each saved as a new
 * version with who made it (so the versions are the history), where the outcomes stand, what is due, the
 * review against a new assessment, and the yearly report. Access is that of the plan: a leader's own
 * districts; a state coordinator reads (GET only) the plans of their state.
 */
@RestController
class PlanProgress {

    private final Plans plans;
    private final RuleSets ruleSets;

    PlanProgress(Plans plans, RuleSets ruleSets) {
        this.plans = plans;
        this.ruleSets = ruleSets;
    }

    private Progress progress() {
        return new Progress(ruleSets.active().kb());
    }

    @Operation(tags = "Progress", summary = "Set a step's status: {\"status\": \"done\"} (not-started, in-progress, done, blocked; blocked needs \"note\")")
    @PutMapping(value = "/api/plans/{id}/goals/{goal}/steps/{step}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> status(@PathVariable String id, @PathVariable String goal, @PathVariable String step, @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        JsonNode request = plans.tree(body);
        StepStatus status = Progress.status("status", text(request, "status", true));
        String note = text(request, "note", false);
        LocalDate on = LocalDate.now();
        return plans.edit(id, ifMatch, me, "step " + step + " of " + goal + ": " + status.code() + (note == null ? "" : " (" + note + ")"),
                (drafts, plan) -> progress().setStatus(plan, goal, step, status, note, me.getUsername(), on));
    }

    @Operation(tags = "Progress", summary = "Record an outcome figure: {\"outcome\": \"GM-01\", \"value\": 7.5, \"date\": \"2027-07-12\", \"n\": 3900, \"source\": \"…\", \"goal\": \"G-CONNECT\"}")
    @PostMapping(value = "/api/plans/{id}/actuals", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> actual(@PathVariable String id, @RequestBody String body, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Accounts.Account me) {
        JsonNode request = plans.tree(body);
        String outcome = text(request, "outcome", true);
        String goal = text(request, "goal", false);
        JsonNode value = request.get("value");
        if (value == null || !value.isNumber()) {
            throw new InputException("request", new Problem("value", "is required: the figure, a number in the metric's unit"));
        }
        JsonNode n = request.get("n");
        if (n != null && !n.isNull() && !n.canConvertToInt()) {
            throw new InputException("request", new Problem("n", "must be a whole number of students or answers"));
        }
        Actual actual = new Actual(date(text(request, "date", true), "date"), value.asDouble(), n == null || n.isNull() ? null : n.asInt(),
                text(request, "source", false), me.getUsername());
        List<String> warnings = new ArrayList<>();
        ResponseEntity<String> saved = plans.edit(id, ifMatch, me, "figure " + outcome + " = " + value.asText() + " on " + actual.date(), (drafts, plan) -> {
            Progress.Recorded r = progress().recordActual(plan, goal, outcome, actual);
            warnings.addAll(r.warnings());
            return r.plan();
        });
        // A warning travels beside the plan, so the client can ask the user to check the figure.
        return warnings.isEmpty() ? saved : ResponseEntity.status(saved.getStatusCode()).headers(saved.getHeaders())
                .header("Warning", "199 equity-advisor \"" + warnings.get(0).replace("\"", "'") + "\"").body(saved.getBody());
    }

    @Operation(tags = "Progress", summary = "Where each outcome stands on a day (?on=YYYY-MM-DD, default today): status, expected value, figures, sentence")
    @GetMapping("/api/plans/{id}/progress")
    List<Map<String, Object>> outcomes(@PathVariable String id, @RequestParam(required = false) String on, @AuthenticationPrincipal Accounts.Account me) {
        Plan plan = plans.visible(id, me).plan();
        List<Map<String, Object>> out = new ArrayList<>();
        for (OutcomeProgress p : progress().outcomes(plan, day(on))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("goal", p.goalId());
            row.put("outcome", p.id());
            row.put("status", p.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            row.put("expected", p.expected());
            row.put("baseline", p.outcome().baseline());
            row.put("target", p.outcome().target());
            row.put("targetDate", p.outcome().targetDate() == null ? null : p.outcome().targetDate().toString());
            row.put("actuals", p.actuals());
            row.put("sentence", p.sentence());
            out.add(row);
        }
        return out;
    }

    @Operation(tags = "Progress", summary = "One outcome's trend chart as SVG: ?outcome=GM-01&goal=G-CONNECT")
    @GetMapping(value = "/api/plans/{id}/trend.svg", produces = "image/svg+xml")
    ResponseEntity<String> trend(@PathVariable String id, @RequestParam String outcome, @RequestParam(required = false) String goal,
            @RequestParam(required = false) String on, @AuthenticationPrincipal Accounts.Account me) {
        Plan plan = plans.visible(id, me).plan();
        OutcomeProgress p = progress().outcomes(plan, day(on)).stream().filter(o -> o.id().equals(outcome) && (goal == null || goal.equals(o.goalId())))
                .findFirst().orElseThrow(() -> ApiException.notFound("Outcome " + outcome + " of plan " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml")).body(ReportWriter.trendSvg(p));
    }

    @Operation(tags = "Progress", summary = "What is overdue and due within the next reporting period: ?as=ROLE&on=YYYY-MM-DD")
    @GetMapping("/api/plans/{id}/due")
    List<Progress.Due> due(@PathVariable String id, @RequestParam(name = "as", required = false) String role, @RequestParam(required = false) String on,
            @AuthenticationPrincipal Accounts.Account me) {
        return progress().due(plans.visible(id, me).plan(), day(on), role);
    }

    @Operation(tags = "Progress", summary = "Compare the plan's first advice with the advice of a new assessment: {\"assessment\": {...}, \"accept\": false}; "
            + "accept records the new figures and advice (If-Match as for any edit)")
    @PostMapping(value = "/api/plans/{id}/review", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> review(@PathVariable String id, @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        JsonNode request = plans.tree(body);
        PlanStore.Stored stored = plans.visible(id, me);
        JsonNode assessmentNode = request.get("assessment");
        if (assessmentNode == null || !assessmentNode.isObject()) {
            throw new InputException("request", new Problem("assessment", "is required: the district's new assessment, as for /api/advice"));
        }
        RuleSets.Active active = ruleSets.active();
        Assessment now = new AssessmentReader(active.kb()).read("assessment", assessmentNode.toString());
        if (!stored.districtId().equals(now.district().id())) {
            throw new InputException("request", new Problem("assessment.district.id", "must be the plan's district, " + stored.districtId()));
        }
        Advice advice = active.advisor().advise(now);
        Progress progress = new Progress(active.kb());
        Progress.Review review = progress.review(stored.plan(), now, advice);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleSetBefore", review.ruleSetBefore());
        out.put("ruleSetNow", review.ruleSetNow());
        out.put("gapsClosed", review.gapsClosed());
        out.put("newGaps", review.newGaps());
        out.put("outcomesAchieved", review.outcomesAchieved());
        out.put("goalsNoLongerSupported", review.goalsNoLongerSupported());
        out.put("newSuggestions", review.newSuggestions());
        boolean accept = request.path("accept").asBoolean(false);
        out.put("accepted", accept);
        if (!accept) {
            return ResponseEntity.ok(out);
        }
        LocalDate on = request.hasNonNull("on") ? date(request.get("on").asText(), "on") : LocalDate.now();
        ResponseEntity<String> saved = plans.edit(id, ifMatch, me, "review accepted: figures of " + on, (drafts, plan) -> progress.accept(plan, review, me.getUsername(), on));
        return ResponseEntity.ok().eTag(saved.getHeaders().getETag()).body(out);
    }

    @Operation(tags = "Progress", summary = "The yearly report (micro-credential 5 evidence) as md, docx or pdf: ?format=pdf&on=YYYY-MM-DD (the year's last day)")
    @GetMapping("/api/plans/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(defaultValue = "md") String format, @RequestParam(required = false) String on,
            @AuthenticationPrincipal Accounts.Account me) {
        PlanWriter.Format f;
        try {
            f = PlanWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("request", new Problem("format", e.getMessage()));
        }
        PlanStore.Stored s = plans.visible(id, me);
        byte[] bytes = ReportWriter.write(progress().report(s.plan(), day(on)), f);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("report-" + id + "." + f.extension()).build().toString())
                .body(bytes);
    }

    static LocalDate day(String on) {
        return on == null || on.isBlank() ? LocalDate.now() : date(on, "on");
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException("request", new Problem(field, "'" + text + "' is not a date (YYYY-MM-DD)"));
        }
    }

    private static String text(JsonNode request, String field, boolean required) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            if (required) {
                throw new InputException("request", new Problem(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InputException("request", new Problem(field, "must be text"));
        }
        return node.asText();
    }
}
