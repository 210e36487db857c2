package org.equityadvisor.server;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The framework a form needs, advice for an assessment, and the rule set's status and reload. */
@RestController
class Api {

    static final String RULE_SET_HEADER = "X-Rule-Set";

    private final RuleSets ruleSets;
    private final Limits limits;

    Api(RuleSets ruleSets, Limits limits) {
        this.ruleSets = ruleSets;
        this.limits = limits;
    }

    @Operation(tags = "Framework", summary = "Indicators, metrics, groups, goals, actions, partners, sources and programmes: what an assessment form needs")
    @GetMapping("/api/framework")
    Map<String, Object> framework() {
        KnowledgeBase kb = ruleSets.active().kb();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleSet", kb.hash());
        out.put("indicators", kb.indicators().values());
        out.put("metrics", kb.metrics().values());
        out.put("groups", kb.groups());
        out.put("goals", kb.goals().values());
        out.put("actions", kb.actions().values());
        out.put("partners", kb.partners().values());
        out.put("sources", kb.sources().values());
        out.put("programmes", kb.programmes().values());
        return out;
    }

    /** Advice as contract.md has it, byte for byte what {@code advise --format json} prints. */
    @Operation(tags = "Advice", summary = "Advice for one assessment (contract.md input, JSON or YAML); the Advice JSON of contract.md, with the rule-set hash")
    @PostMapping(value = "/api/advice", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> advice(@RequestBody String body, @AuthenticationPrincipal Accounts.Account me) {
        // A leader asking for another district's advice is refused before the body is read in full.
        limits.districtBlock(body).ifPresent(district -> requireServes(me, district.path("id").asText(null), "district.id"));
        RuleSets.Active active = ruleSets.active();
        Assessment assessment = new AssessmentReader(active.kb()).read("request", body);
        requireServes(me, assessment.district().id(), "district.id");
        Advice advice = active.advisor().advise(assessment);
        return ResponseEntity.ok().header(RULE_SET_HEADER, advice.ruleSet()).body(AdviceWriter.json(advice));
    }

    @Operation(tags = "Rules", summary = "The rule set in use: hash, rules with their metadata, and the last load attempt with any errors (file:line)")
    @GetMapping("/api/rules")
    Map<String, Object> rules() {
        RuleSets.Active active = ruleSets.active();
        RuleSets.Attempt last = ruleSets.lastAttempt();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash", active.kb().hash());
        out.put("folder", ruleSets.origin());
        out.put("loadedAt", active.loadedAt().toString());
        out.put("scenarios", active.scenarios());
        out.put("status", last.swapped() ? "ok" : "refused");
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("at", last.at().toString());
        attempt.put("swapped", last.swapped());
        if (last.hash() != null) {
            attempt.put("hash", last.hash());
        }
        attempt.put("errors", errors(last));
        out.put("lastAttempt", attempt);
        out.put("rules", active.kb().rules());
        return out;
    }

    @Operation(tags = "Rules", summary = "Reload the rules now: check, run the scenarios, swap in only when all pass (422 with the errors otherwise)")
    @PostMapping("/api/rules/reload")
    ResponseEntity<Map<String, Object>> reload() {
        if (ruleSets.folder().isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "This server answers with " + ruleSets.origin() + " (" + ruleSets.active().kb().hash()
                    + "), which cannot change while it runs. Start serve with --rules DIR, or in a folder that has rules/, to reload rules.");
        }
        RuleSets.Attempt attempt = ruleSets.reload();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("swapped", attempt.swapped());
        out.put("hash", ruleSets.active().kb().hash());
        out.put("errors", errors(attempt));
        return ResponseEntity.status(attempt.swapped() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(out);
    }

    private static List<Map<String, String>> errors(RuleSets.Attempt attempt) {
        return attempt.errors().stream().map(p -> Map.of("place", p.place(), "message", p.message())).toList();
    }

    /**
     * Leaders get advice and plans for their own districts only, named by id ({@code field}); coaches and
     * admins for any. A district's name never counts: anyone can write any name.
     */
    static void requireServes(Accounts.Account me, String districtId, String field) {
        if (me.role() != Accounts.Role.LEADER) {
            return;
        }
        if (districtId == null || districtId.isBlank()) {
            throw new InputException("request", new Problem(field, "is required: give the id of your district (" + String.join(", ", me.districts())
                    + "); the district's name does not identify it"));
        }
        if (!me.serves(districtId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "You work with district " + String.join(", ", me.districts()) + "; this assessment is for district "
                    + districtId + " (" + field + ").");
        }
    }
}
