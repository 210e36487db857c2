package org.equityadvisor.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.plan.PlanCheck;
import org.equityadvisor.plan.PlanFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans: draft from an assessment, read and replace with ETag/If-Match, accept and remove goals, steps and
 * partners, check against the CoSN rubric, export, and every saved version. A leader sees only the plans of
 * their own districts; anyone else's is a 404, so not even its existence leaks.
 */
@RestController
class Plans {

    private final PlanStore store;
    private final RuleSets ruleSets;
    private final ObjectMapper json;

    /** The body of POST /api/plans: the assessment, and the goals to accept by id or how many of the top ones. */
    @Schema(description = "Give accept or top")
    record DraftRequest(@Schema(ref = ApiDocs.ASSESSMENT, requiredMode = Schema.RequiredMode.REQUIRED) Object assessment,
            @Schema(example = "[\"G-CONNECT\", \"G-DEVICE\"]") List<String> accept, @Schema(example = "3", minimum = "1") Integer top,
            @Schema(description = "the plan's first month (default: the assessment's planStart, else today)") LocalDate start) {
    }

    /** The body that names a goal, action step or partner to accept. */
    record IdRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "G-CONNECT") String id) {
    }

    /** A partner for a goal: a catalog id, or a partner of the district's own by name (and what it does). */
    @Schema(description = "Either id (a catalog partner) or name (a partner of the district's own, with an optional role)")
    record PartnerRequest(@Schema(example = "PT-04") String id, @Schema(example = "Adams County Public Library") String name,
            @Schema(example = "Hotspot lending and evening homework help") String role) {
    }

    /** One plan in the list. */
    record PlanRow(String id, int version, String districtId, String title, @Schema(description = "how many goals it has") int goals) {
    }

    /** The CoSN rubric check of a plan. */
    record CheckResult(boolean passed, List<PlanCheck.Criterion> criteria, List<String> warnings) {
    }

    private static final String PLAN_JSON = "The plan (plan file JSON); ETag is its version";

    Plans(PlanStore store, RuleSets ruleSets, ObjectMapper json) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.json = json;
    }

    /** Body: {"assessment": {...}, "accept": ["G-CONNECT", ...] or "top": 3, "start": "2027-01-11"}. */
    @Operation(tags = "Plans", summary = "Draft a plan: {\"assessment\": {...}, \"accept\": [\"G-CONNECT\"]} or {\"assessment\": {...}, \"top\": 3}, optional \"start\"",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DraftRequest.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "The drafted plan; Location and X-Plan-Id name it, ETag is its version, X-Rule-Set the rules' hash",
                        headers = {@Header(name = "Location", schema = @Schema(type = "string")), @Header(name = "X-Plan-Id", schema = @Schema(type = "string")),
                            @Header(name = "ETag", schema = @Schema(type = "string")), @Header(name = Api.RULE_SET_HEADER, schema = @Schema(type = "string"))},
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "403", description = "A leader drafting for another district", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota of plans or bytes is reached", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping(value = "/api/plans", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@RequestBody String body, @AuthenticationPrincipal Accounts.Account me,
            @io.swagger.v3.oas.annotations.Parameter(description = "The language the plan is drafted in: en (default) or a translation of the rule set (es); "
                    + "without it, the first of Accept-Language the rule set speaks")
            @org.springframework.web.bind.annotation.RequestParam(name = "lang", required = false) String lang,
            @org.springframework.web.bind.annotation.RequestHeader(name = org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, required = false)
            String acceptLanguage) {
        JsonNode request = tree(body);
        RuleSets.Active active = ruleSets.active();
        JsonNode assessmentNode = request.get("assessment");
        if (assessmentNode == null || !assessmentNode.isObject()) {
            throw new InputException("request", new Problem("assessment", "is required: the district's assessment, as for /api/advice"));
        }
        // The district first: a leader's plan for another district is refused before the assessment is read.
        JsonNode district = assessmentNode.get("district");
        if (district != null && district.isObject()) {
            Api.requireServes(me, district.path("id").asText(null), "assessment.district.id");
        }
        Assessment assessment = new AssessmentReader(active.kb()).read("assessment", assessmentNode.toString());
        String districtId = assessment.district().id();
        if (districtId == null || districtId.isBlank()) {
            throw new InputException("request", new Problem("assessment.district.id", "is required: a plan is kept under its district's id"));
        }
        Api.requireServes(me, districtId, "assessment.district.id");
        LocalDate start = null;
        if (request.hasNonNull("start")) {
            try {
                start = LocalDate.parse(request.get("start").asText());
            } catch (DateTimeParseException e) {
                throw new InputException("request", new Problem("start", "'" + request.get("start").asText() + "' is not a date (YYYY-MM-DD)"));
            }
        }
        org.equityadvisor.advise.Advisor advisor = Api.language(active.advisor(), lang, acceptLanguage);
        Advice advice = advisor.advise(assessment);
        DraftPlan drafts = new DraftPlan(advisor.knowledgeBase());
        Plan plan;
        if (request.has("accept") && request.get("accept").isArray()) {
            List<String> ids = new ArrayList<>();
            request.get("accept").forEach(n -> ids.add(n.asText()));
            plan = drafts.draft(assessment, advice, ids, start);
        } else if (request.has("top") && request.get("top").canConvertToInt()) {
            plan = drafts.draftTop(assessment, advice, request.get("top").asInt(), start);
        } else {
            throw new InputException("request", new Problem("accept", "name the goals to accept (\"accept\": [\"G-CONNECT\"]) or how many (\"top\": 3)"));
        }
        PlanStore.Stored stored = store.create(plan, districtId, me.getUsername());
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/plans/" + stored.id()).eTag(etag(stored.version()))
                .header("X-Plan-Id", stored.id()).header(Api.RULE_SET_HEADER, advice.ruleSet()).body(PlanFile.write(plan));
    }

    @Operation(tags = "Plans", summary = "The plans of your districts (of your state, for a state coordinator; all, for an admin)")
    @GetMapping("/api/plans")
    List<PlanRow> list(@AuthenticationPrincipal Accounts.Account me) {
        List<PlanStore.Stored> mine = me.role() == Accounts.Role.ADMIN ? store.list(null)
                : me.role() == Accounts.Role.COORDINATOR ? me.states().stream().flatMap(state -> store.listByState(state).stream()).toList()
                : store.list(me.districts());
        return mine.stream().map(s -> new PlanRow(s.id(), s.version(), s.districtId(), s.plan().title(), s.plan().goals().size())).toList();
    }

    @Operation(tags = "Plans", summary = "A plan (plan file JSON), with its version as ETag",
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class)))})
    @GetMapping(value = "/api/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> get(@PathVariable String id, @AuthenticationPrincipal Accounts.Account me) {
        PlanStore.Stored s = visible(id, me);
        return ResponseEntity.ok().eTag(etag(s.version())).body(PlanFile.write(s.plan()));
    }

    /** Replaces the plan; If-Match must name the version it was edited from. */
    @Operation(tags = "Plans", summary = "Replace a plan; If-Match must carry the ETag you read (412 when stale, 428 when missing)",
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PutMapping(value = "/api/plans/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> put(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Plan.class))) @RequestBody String body, @AuthenticationPrincipal Accounts.Account me) {
        PlanStore.Stored s = visible(id, me);
        int expected = required(ifMatch);
        Plan plan = PlanFile.read("request", body);
        sameDistrict(s, plan);
        return saved(store.update(s, expected, plan, me.getUsername(), "replaced"), s);
    }

    @Operation(tags = "Plans", summary = "Accept a suggested goal: {\"id\": \"G-CONNECT\"}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IdRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping(value = "/api/plans/{id}/goals", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> acceptGoal(@PathVariable String id, @RequestBody String body, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Accounts.Account me) {
        String goal = idOf(body);
        return edit(id, ifMatch, me, "accepted goal " + goal, (drafts, plan) -> drafts.acceptGoal(plan, goal));
    }

    @Operation(tags = "Plans", summary = "Remove a goal and everything under it",
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @DeleteMapping(value = "/api/plans/{id}/goals/{goal}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> removeGoal(@PathVariable String id, @PathVariable String goal,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        return edit(id, ifMatch, me, "removed goal " + goal, (drafts, plan) -> drafts.removeGoal(plan, goal));
    }

    @Operation(tags = "Plans", summary = "Accept an action step into a goal: {\"id\": \"AS-10\"}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IdRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping(value = "/api/plans/{id}/goals/{goal}/actions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> acceptAction(@PathVariable String id, @PathVariable String goal, @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        String action = idOf(body);
        return edit(id, ifMatch, me, "accepted " + action + " into " + goal, (drafts, plan) -> drafts.acceptAction(plan, goal, action));
    }

    @Operation(tags = "Plans", summary = "Remove an action step",
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @DeleteMapping(value = "/api/plans/{id}/goals/{goal}/actions/{action}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> removeAction(@PathVariable String id, @PathVariable String goal, @PathVariable String action,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        return edit(id, ifMatch, me, "removed " + action + " from " + goal, (drafts, plan) -> drafts.removeAction(plan, goal, action));
    }

    @Operation(tags = "Plans", summary = "Add a partner to a goal: {\"id\": \"PT-04\"}, or one of the district's own: {\"name\": \"…\", \"role\": \"…\"}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PartnerRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping(value = "/api/plans/{id}/goals/{goal}/partners", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> acceptPartner(@PathVariable String id, @PathVariable String goal, @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        JsonNode request = tree(body);
        if (!request.has("id") && request.has("name")) {
            String name = request.get("name").asText();
            String role = request.hasNonNull("role") ? request.get("role").asText() : "";
            return edit(id, ifMatch, me, "added partner " + name + " to " + goal, (drafts, plan) -> drafts.addPartner(plan, goal, name, role));
        }
        String partner = idOf(body);
        return edit(id, ifMatch, me, "added partner " + partner + " to " + goal, (drafts, plan) -> drafts.acceptPartner(plan, goal, partner));
    }

    @Operation(tags = "Plans", summary = "Remove a partner",
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class))),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "507", description = "The district's quota is reached", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @DeleteMapping(value = "/api/plans/{id}/goals/{goal}/partners/{partner}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> removePartner(@PathVariable String id, @PathVariable String goal, @PathVariable String partner,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        return edit(id, ifMatch, me, "removed partner " + partner + " from " + goal, (drafts, plan) -> drafts.removePartner(plan, goal, partner));
    }

    @Operation(tags = "Plans", summary = "The CoSN rubric check: each criterion met or not, with the reason, and warnings")
    @GetMapping("/api/plans/{id}/check")
    CheckResult check(@PathVariable String id, @AuthenticationPrincipal Accounts.Account me) {
        PlanCheck check = PlanCheck.of(visible(id, me).plan());
        return new CheckResult(check.passed(), check.criteria(), check.warnings());
    }

    @Operation(tags = "Plans", summary = "Export as md, json, docx or pdf",
            responses = {
                @ApiResponse(responseCode = "200", description = "The plan as a file to download", content = {
                    @Content(mediaType = "text/markdown"), @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class)),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)}),
                @ApiResponse(responseCode = "400", ref = ApiDocs.INVALID)})
    @GetMapping("/api/plans/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "md") String format,
            @Parameter(description = "the PDF's paper: letter or a4") @RequestParam(defaultValue = "letter") String pageSize, @AuthenticationPrincipal Accounts.Account me) {
        PlanWriter.Format f;
        try {
            f = PlanWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("request", new Problem("format", e.getMessage()));
        }
        PlanWriter.PageSize paper;
        try {
            paper = PlanWriter.PageSize.parse(pageSize);
        } catch (IllegalArgumentException e) {
            throw new InputException("request", new Problem("pageSize", e.getMessage()));
        }
        PlanStore.Stored s = visible(id, me);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("plan-" + id + "." + f.extension()).build().toString())
                .eTag(etag(s.version())).body(PlanWriter.write(s.plan(), f, paper));
    }

    @Operation(tags = "Plans", summary = "Every saved version: when, by whom, what changed")
    @GetMapping("/api/plans/{id}/versions")
    List<PlanStore.Version> versions(@PathVariable String id, @AuthenticationPrincipal Accounts.Account me) {
        visible(id, me);
        return store.versions(id);
    }

    @Operation(tags = "Plans", summary = "The plan as it was at one version",
            responses = {
                @ApiResponse(responseCode = "200", description = PLAN_JSON, headers = @Header(name = "ETag", schema = @Schema(type = "string")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Plan.class)))})
    @GetMapping(value = "/api/plans/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> version(@PathVariable String id, @PathVariable int version, @AuthenticationPrincipal Accounts.Account me) {
        visible(id, me);
        Plan plan = store.version(id, version).orElseThrow(() -> ApiException.notFound("Version " + version + " of plan " + id));
        return ResponseEntity.ok(PlanFile.write(plan));
    }

    /** Marks the plan deleted; it and its versions stay. {@code ?purge=true} (admins) removes it for good. */
    @Operation(tags = "Plans", summary = "Mark a plan deleted (kept with its versions); ?purge=true (admin) removes it for good",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest", content = @Content(
                        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM))),
                @ApiResponse(responseCode = "403", description = "Only an admin may purge", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                        schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @DeleteMapping("/api/plans/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean purge,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Accounts.Account me) {
        if (purge) {
            if (me.role() != Accounts.Role.ADMIN) {
                throw new ApiException(HttpStatus.FORBIDDEN, "Only an admin may remove a plan for good.");
            }
            if (!store.purge(id)) {
                throw ApiException.notFound("Plan " + id);
            }
            return ResponseEntity.noContent().build();
        }
        PlanStore.Stored s = visible(id, me);
        int expected = ifMatch == null ? s.version() : required(ifMatch);
        if (!store.delete(id, expected, me.getUsername())) {
            throw stale(id);
        }
        return ResponseEntity.noContent().build();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    interface Edit {
        Plan apply(DraftPlan drafts, Plan plan);
    }

    /** One edit against the version If-Match names, or against the latest when it names none. */
    ResponseEntity<String> edit(String id, String ifMatch, Accounts.Account me, String change, Edit edit) {
        PlanStore.Stored s = visible(id, me);
        if (!me.serves(s.districtId())) {
            // A state coordinator reads the plans of their state; only the district's own leaders change them.
            throw ApiException.notFound("Plan " + id);
        }
        int expected = ifMatch == null ? s.version() : required(ifMatch);
        if (expected != s.version()) {
            throw stale(id);
        }
        Plan plan = edit.apply(new DraftPlan(ruleSets.active().kb()), s.plan());
        return saved(store.update(s, expected, plan, me.getUsername(), change), s);
    }

    private ResponseEntity<String> saved(java.util.Optional<PlanStore.Stored> updated, PlanStore.Stored before) {
        PlanStore.Stored s = updated.orElseThrow(() -> stale(before.id()));
        return ResponseEntity.ok().eTag(etag(s.version())).body(PlanFile.write(s.plan()));
    }

    /** A plan's district never changes: not its name, not the id of its assessment, not the district of its advice. */
    private static void sameDistrict(PlanStore.Stored stored, Plan plan) {
        String name = stored.plan().district();
        String keep = "a plan stays with its district (" + stored.districtId() + ", " + name + "): draft a new plan for another district";
        List<Problem> problems = new ArrayList<>();
        if (!Objects.equals(plan.district(), name)) {
            problems.add(new Problem("district", keep));
        }
        if (plan.assessment() != null && !Objects.equals(plan.assessment().district().id(), stored.districtId())) {
            problems.add(new Problem("assessment.district.id", keep));
        }
        if (plan.advice() != null && !Objects.equals(plan.advice().district(), name)) {
            problems.add(new Problem("advice.district", keep));
        }
        if (!problems.isEmpty()) {
            throw new InputException("request", problems);
        }
    }

    /** A plan this user may read: of their districts, or (a state coordinator) of their state; anyone else's is a 404. */
    PlanStore.Stored visible(String id, Accounts.Account me) {
        PlanStore.Stored s = store.find(id).filter(p -> !p.deleted()).orElseThrow(() -> ApiException.notFound("Plan " + id));
        if (!me.serves(s.districtId()) && !me.readsState(PlanStore.state(s.plan()))) {
            throw ApiException.notFound("Plan " + id);
        }
        return s;
    }

    private static ApiException stale(String id) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "Plan " + id + " has changed since you read it: read it again (its ETag) and redo your change.");
    }

    private static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the version you edited, so no one's change is lost.");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InputException("request", new Problem("If-Match", "'" + ifMatch + "' is not an ETag this server gave"));
        }
    }

    private static String etag(int version) {
        return "\"" + version + "\"";
    }

    JsonNode tree(String body) {
        JsonNode node;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            try {
                node = json.readTree(parser);
            } catch (JsonProcessingException e) {
                // A limit of the server (nesting depth, string length) comes without a location: the parser has it.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                String why = e instanceof StreamConstraintsException ? "is past a limit of this server: " : "is not valid JSON: ";
                throw new InputException("request", new Problem("request:" + at.getLineNr() + ":" + at.getColumnNr(), why + e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be read", e);
        }
        if (node == null || !node.isObject()) {
            throw new InputException("request", new Problem("request", "must be a JSON object"));
        }
        return node;
    }

    /** The id in a body {"id": "G-CONNECT"}. */
    private String idOf(String body) {
        JsonNode node = tree(body).get("id");
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InputException("request", new Problem("id", "is required, e.g. {\"id\": \"G-CONNECT\"}"));
        }
        return node.asText();
    }
}
