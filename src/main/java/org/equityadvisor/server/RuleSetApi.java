package org.equityadvisor.server;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.equityadvisor.scenario.Coverage;
import org.equityadvisor.scenario.DiffReport;
import org.equityadvisor.scenario.ScenarioResult;
import org.equityadvisor.scenario.SuiteResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule sets for integrators (coaches and admins, as for /api/rules): check, test and compare a zipped rule
 * set against the one in service, put it into service, or download the one in service. The same
 * {@link RuleSetUpload} as the coach page; the zip is the request body (application/zip), within the API's
 * body limit.
 */
@RestController
class RuleSetApi {

    private static final String ZIP = "application/zip";

    /** One scenario or generated case: its name, its file (or trigger row's rule), and what differed when it failed. */
    record CaseResult(String name, String file, boolean passed, List<String> failures) {
        static CaseResult of(ScenarioResult r) {
            return new CaseResult(r.scenario().name(), r.scenario().file(), r.passed(), r.failures());
        }
    }

    /** The test of a rule set: every scenario, the generated firing cases and near misses (failures listed), and the coverage. */
    record TestResult(long passed, long failed, List<CaseResult> scenarios, @Schema(description = "firing cases generated from the trigger table") long firingCases,
            @Schema(description = "near misses generated from the trigger table") long nearMisses, List<CaseResult> failedCases, Coverage coverage) {
        static TestResult of(SuiteResult s) {
            return s == null ? null : new TestResult(s.passed(), s.failed(), s.results().stream().map(CaseResult::of).toList(),
                    s.generated().size() - s.nearMisses(), s.nearMisses(), s.generated().stream().filter(r -> !r.passed()).map(CaseResult::of).toList(),
                    s.coverage());
        }
    }

    /** What a check, test and diff of an uploaded rule set found. */
    record Review(@Schema(description = "the uploaded set's hash; absent when it could not be read") String hash, boolean checked,
            @Schema(description = "the check's problems (checker and bytecode check), each with its file and line") List<Api.RuleError> problems,
            @Schema(description = "absent when the check failed or the server has no scenarios") TestResult test,
            @Schema(description = "the uploaded set's advice against the set in service; absent when the check failed") DiffReport diff,
            @Schema(description = "what the diff compared over: the server's scenarios folder, the public districts") List<String> comparedOver,
            @Schema(description = "true when check and test passed: the set may be put into service") boolean servable, long millis) {
        static Review of(RuleSetUpload.Review r) {
            return new Review(r.hash(), r.checked(), r.problems().stream().map(p -> new Api.RuleError(p.place(), p.message())).toList(),
                    TestResult.of(r.suite()), r.diff(), r.comparedOver(), r.servable(), r.took().toMillis());
        }
    }

    /** The outcome of putting a rule set into service. */
    record Installed(boolean swapped, @Schema(description = "the hash serving now") String hash, List<Api.RuleError> errors, Review review) {
    }

    private final RuleSets ruleSets;
    private final RuleSetUpload uploads;

    RuleSetApi(RuleSets ruleSets, RuleSetUpload uploads) {
        this.ruleSets = ruleSets;
        this.uploads = uploads;
    }

    @Operation(tags = "Rules", summary = "Check, test and compare a zipped rule set against the one in service, without putting it into service",
            requestBody = @RequestBody(required = true, description = "A zip of a rules folder (at most 1 MB, the API's body limit)",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The review: check, test and diff (servable says whether it may be put into service)",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Review.class)))})
    @PostMapping(value = "/api/rules/check", consumes = ZIP)
    Review check(@org.springframework.web.bind.annotation.RequestBody byte[] zip,
            @RequestHeader(name = "X-File-Name", required = false) String name) {
        return Review.of(uploads.review(name == null ? "upload.zip" : name, new ByteArrayInputStream(zip)));
    }

    @Operation(tags = "Rules", summary = "Check, test and put a zipped rule set into service (the previous set is kept beside the folder for a rollback)",
            requestBody = @RequestBody(required = true, description = "A zip of a rules folder (at most 1 MB, the API's body limit)",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The set passed its check and tests and now serves",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Installed.class))),
                @ApiResponse(responseCode = "422", description = "The set failed its check or tests, or the reload refused it; the old one keeps serving",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Installed.class))),
                @ApiResponse(responseCode = "409", description = "The server answers with the rule set bundled in the jar, which cannot change",
                        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))})
    @PostMapping(value = "/api/rules/install", consumes = ZIP)
    ResponseEntity<Installed> install(@org.springframework.web.bind.annotation.RequestBody byte[] zip,
            @RequestHeader(name = "X-File-Name", required = false) String name) {
        if (ruleSets.folder().isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "This server answers with " + ruleSets.origin() + ", which cannot change while it runs. "
                    + "Start serve with --rules DIR (a copy of the rules folder) to put rule sets into service.");
        }
        RuleSetUpload.Review review = uploads.review(name == null ? "upload.zip" : name, new ByteArrayInputStream(zip));
        if (!review.servable()) {
            return ResponseEntity.unprocessableEntity().body(new Installed(false, ruleSets.active().kb().hash(), List.of(), Review.of(review)));
        }
        RuleSets.Attempt attempt = uploads.install(review.id());
        List<Api.RuleError> errors = attempt.errors().stream().map(p -> new Api.RuleError(p.place(), p.message())).toList();
        return ResponseEntity.status(attempt.swapped() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new Installed(attempt.swapped(), ruleSets.active().kb().hash(), errors, Review.of(review)));
    }

    @Operation(tags = "Rules", summary = "The rule set in service as a zip: what a coach starts from",
            responses = @ApiResponse(responseCode = "200", description = "A zip of the rules folder (or of the rules bundled in the jar)",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(value = "/api/rules/current.zip", produces = ZIP)
    void download(HttpServletResponse response) throws IOException {
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rules.zip\"");
        uploads.download(response.getOutputStream());
    }
}
