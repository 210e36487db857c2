package org.equityadvisor.server;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Goal;
import org.equityadvisor.model.GroupLabel;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Programme;
import org.equityadvisor.model.Source;
import org.springframework.http.HttpHeaders;
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

    /** What an assessment form needs: the framework of the rule set that answers, with its hash. */
    record Framework(String ruleSet, Collection<Indicator> indicators, Collection<Metric> metrics, List<GroupLabel> groups, Collection<Goal> goals,
            Collection<Action> actions, Collection<Partner> partners, Collection<Source> sources, Collection<Programme> programmes) {
    }

    /** One problem of a rule set: the file and line, and what is wrong there. */
    record RuleError(@Schema(example = "rules/access.drl:12") String place, @Schema(example = "GM-99 is not a metric of metrics.yaml") String message) {
    }

    /** The last attempt to load the rules, good or not. */
    record LoadAttempt(Instant at, boolean swapped, @Schema(description = "the attempted rule set's hash, when it could be read") String hash,
            List<RuleError> errors) {
    }

    /** The rule set in use and the last load attempt. */
    record RulesStatus(String hash, @Schema(description = "the rules folder served, or the rule set bundled in the jar") String folder, Instant loadedAt,
            @Schema(example = "9 passed, 0 failed") String scenarios, @Schema(allowableValues = {"ok", "refused"}) String status, LoadAttempt lastAttempt,
            List<RuleInfo> rules) {
    }

    /** What a reload did: swapped in or not, the hash now serving, and why not. */
    record Reload(boolean swapped, String hash, List<RuleError> errors) {
    }

    @Operation(tags = "Framework", summary = "Indicators, metrics, groups, goals, actions, partners, sources and programmes: what an assessment form needs")
    @GetMapping("/api/framework")
    Framework framework() {
        KnowledgeBase kb = ruleSets.active().kb();
        return new Framework(kb.hash(), kb.indicators().values(), kb.metrics().values(), kb.groups(), kb.goals().values(), kb.actions().values(),
                kb.partners().values(), kb.sources().values(), kb.programmes().values());
    }

    /** Advice as contract.md has it, byte for byte what {@code advise --format json} prints. */
    @Operation(tags = "Advice", summary = "Advice for one assessment (contract.md input, JSON or YAML); the Advice JSON of contract.md, with the rule-set hash",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "An assessment (docs/input.md), as JSON or YAML",
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = ApiDocs.ASSESSMENT),
                            examples = @ExampleObject(name = "Riverbend", value = ApiDocs.ASSESSMENT_EXAMPLE)),
                            @Content(mediaType = "application/yaml", schema = @Schema(ref = ApiDocs.ASSESSMENT))}),
            responses = {
                @ApiResponse(responseCode = "200", description = "The advice; X-Rule-Set carries the hash of the rule set that answered",
                        headers = @Header(name = RULE_SET_HEADER, description = "sha256:… of the rule set", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Advice.class))),
                @ApiResponse(responseCode = "400", ref = ApiDocs.INVALID),
                @ApiResponse(responseCode = "403", description = "A leader asked for another district's advice, or gave no district id",
                        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping(value = "/api/advice", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> advice(@RequestBody String body, @AuthenticationPrincipal Accounts.Account me,
            @io.swagger.v3.oas.annotations.Parameter(description = "The language of the advice's sentences: en (default) or a translation of the rule set "
                    + "(es); without it, the first of Accept-Language the rule set speaks")
            @org.springframework.web.bind.annotation.RequestParam(name = "lang", required = false) String lang,
            @org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        // A leader asking for another district's advice is refused before the body is read in full.
        limits.districtBlock(body).ifPresent(district -> requireServes(me, district.path("id").asText(null), "district.id"));
        RuleSets.Active active = ruleSets.active();
        Assessment assessment = new AssessmentReader(active.kb()).read("request", body);
        requireServes(me, assessment.district().id(), "district.id");
        Advice advice = language(active.advisor(), lang, acceptLanguage).advise(assessment);
        return ResponseEntity.ok().header(RULE_SET_HEADER, advice.ruleSet()).header(HttpHeaders.CONTENT_LANGUAGE,
                advice.language() == null ? "en" : advice.language()).body(AdviceWriter.json(advice));
    }

    /**
     * The advisor in the language asked for: {@code ?lang=} when given (an unknown one is a 400 naming the languages
     * there are), else the first language of Accept-Language the rule set speaks, else English.
     */
    static org.equityadvisor.advise.Advisor language(org.equityadvisor.advise.Advisor advisor, String lang, String acceptLanguage) {
        if (lang != null) {
            try {
                return advisor.inLanguage(lang);
            } catch (IllegalArgumentException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "lang: " + e.getMessage());
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (java.util.Locale.LanguageRange range : java.util.Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0].toLowerCase(java.util.Locale.ROOT);
                    if (range.getWeight() > 0 && advisor.languages().contains(language)) {
                        return advisor.inLanguage(language);
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed Accept-Language is a preference, not an order: answer in English.
            }
        }
        return advisor;
    }

    @Operation(tags = "Rules", summary = "The rule set in use: hash, rules with their metadata, and the last load attempt with any errors (file:line)")
    @GetMapping("/api/rules")
    RulesStatus rules() {
        RuleSets.Active active = ruleSets.active();
        RuleSets.Attempt last = ruleSets.lastAttempt();
        return new RulesStatus(active.kb().hash(), ruleSets.origin(), active.loadedAt(), active.scenarios(), last.swapped() ? "ok" : "refused",
                new LoadAttempt(last.at(), last.swapped(), last.hash(), errors(last)), active.kb().rules());
    }

    @Operation(tags = "Rules", summary = "Reload the rules now: check, run the scenarios, swap in only when all pass (422 with the errors otherwise)",
            responses = {
                @ApiResponse(responseCode = "200", description = "The rule set was checked, passed its scenarios and now serves",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Reload.class))),
                @ApiResponse(responseCode = "422", description = "The rule set was refused; the old one keeps serving. Each error has file and line",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Reload.class))),
                @ApiResponse(responseCode = "409", description = "The server answers with the rule set bundled in the jar, which cannot change",
                        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping("/api/rules/reload")
    ResponseEntity<Reload> reload() {
        if (ruleSets.folder().isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "This server answers with " + ruleSets.origin() + " (" + ruleSets.active().kb().hash()
                    + "), which cannot change while it runs. Start serve with --rules DIR, or in a folder that has rules/, to reload rules.");
        }
        RuleSets.Attempt attempt = ruleSets.reload();
        return ResponseEntity.status(attempt.swapped() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new Reload(attempt.swapped(), ruleSets.active().kb().hash(), errors(attempt)));
    }

    private static List<RuleError> errors(RuleSets.Attempt attempt) {
        return attempt.errors().stream().map(p -> new RuleError(p.place(), p.message())).toList();
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
