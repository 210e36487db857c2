package org.equityadvisor.server;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.progress.Progress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A state coordinator's read-only view: the plans of the districts of their state, and the roll-up of those
 * plans into the fields of a State Digital Equity Plan. Another state's is a 404, as for a plan.
 */
@RestController
class States {

    private final PlanStore store;
    private final RuleSets ruleSets;

    States(PlanStore store, RuleSets ruleSets) {
        this.store = store;
        this.ruleSets = ruleSets;
    }

    @Operation(tags = "States", summary = "The plans of a state's districts (state coordinators of that state, admins)")
    @GetMapping("/api/states/{state}/plans")
    List<Map<String, Object>> plans(@PathVariable String state, @AuthenticationPrincipal Accounts.Account me) {
        String code = allowed(state, me);
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlanStore.Stored s : store.listByState(code)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("version", s.version());
            row.put("districtId", s.districtId());
            row.put("district", s.plan().district());
            row.put("title", s.plan().title());
            row.put("goals", s.plan().goals().size());
            out.add(row);
        }
        return out;
    }

    @Operation(tags = "States", summary = "The state's plans under the NTIA State Digital Equity Plan fields: ?format=csv|json&on=YYYY-MM-DD")
    @GetMapping("/api/states/{state}/rollup")
    ResponseEntity<byte[]> rollup(@PathVariable String state, @RequestParam(defaultValue = "json") String format, @RequestParam(required = false) String on,
            @AuthenticationPrincipal Accounts.Account me) {
        String code = allowed(state, me);
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new InputException("request", new Problem("format", "'" + format + "' is not one of csv, json"));
        }
        Progress.Rollup rollup = new Progress(ruleSets.active().kb()).rollup(code, store.listByState(code).stream().map(PlanStore.Stored::plan).toList(),
                PlanProgress.day(on));
        boolean csv = f.equals("csv");
        return ResponseEntity.ok().contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rollup-" + code + "." + f).build().toString())
                .body((csv ? rollup.csv() : rollup.json()).getBytes(StandardCharsets.UTF_8));
    }

    private static String allowed(String state, Accounts.Account me) {
        String code = state.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new InputException("request", new Problem("state", "'" + state + "' is not a two-letter state code"));
        }
        if (!me.readsState(code)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "State " + code + " was not found.");
        }
        return code;
    }
}
