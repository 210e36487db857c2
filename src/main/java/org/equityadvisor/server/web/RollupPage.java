package org.equityadvisor.server.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.equityadvisor.model.ProgressStatus;
import org.equityadvisor.progress.Progress;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.PlanStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A state coordinator's page: the districts of their state with each plan's steps and outcomes, read-only,
 * and the roll-up into the NTIA State Digital Equity Plan fields (Progress.rollup, as {@code rollup} and the
 * API make it), downloadable as CSV and JSON. Another state is a 404 as in the API; a role that never reads
 * states (leader, coach) gets 403.
 */
@Controller
class RollupPage {

    private final Web web;
    private final PlanStore plans;

    RollupPage(Web web, PlanStore plans) {
        this.web = web;
        this.plans = plans;
    }

    private static Accounts.Account reader(Accounts.Account me) {
        if (me.role() != Accounts.Role.COORDINATOR && me.role() != Accounts.Role.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return me;
    }

    /** A coordinator of one state goes straight to it; otherwise the states to choose from (an admin types one). */
    @GetMapping("/states")
    String states(@RequestParam(required = false) String state, Principal principal, Model model) {
        Accounts.Account me = reader(web.me(principal));
        if (state != null && !state.isBlank()) {
            return "redirect:/states/" + state.strip().toUpperCase(Locale.ROOT);
        }
        if (me.states().size() == 1) {
            return "redirect:/states/" + me.states().get(0);
        }
        model.addAttribute("states", me.states());
        model.addAttribute("rollup", null);
        return "rollup";
    }

    private String allowed(String state, Accounts.Account me) {
        String code = state.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}") || !me.readsState(code)) {
            throw Web.notFound();
        }
        return code;
    }

    private Progress.Rollup rollup(String code, List<PlanStore.Stored> stored) {
        return new Progress(web.kb()).rollup(code, stored.stream().map(PlanStore.Stored::plan).toList(), LocalDate.now());
    }

    @GetMapping("/states/{state}")
    String state(@PathVariable String state, Principal principal, Model model) {
        Accounts.Account me = reader(web.me(principal));
        String code = allowed(state, me);
        List<PlanStore.Stored> stored = plans.listByState(code);
        Map<String, String> planIds = new LinkedHashMap<>();
        stored.forEach(s -> planIds.putIfAbsent(s.districtId(), s.id()));
        model.addAttribute("states", me.states());
        model.addAttribute("state", code);
        model.addAttribute("rollup", rollup(code, stored));
        model.addAttribute("planIds", planIds);
        model.addAttribute("statuses", ProgressStatus.values());
        return "rollup";
    }

    @GetMapping("/states/{state}/rollup.{format}")
    ResponseEntity<byte[]> download(@PathVariable String state, @PathVariable String format, Principal principal) {
        Accounts.Account me = reader(web.me(principal));
        String code = allowed(state, me);
        if (!format.equals("csv") && !format.equals("json")) {
            throw Web.notFound();
        }
        Progress.Rollup rollup = rollup(code, plans.listByState(code));
        boolean csv = format.equals("csv");
        return ResponseEntity.ok().contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rollup-" + code + "." + format).build().toString())
                .body((csv ? rollup.csv() : rollup.json()).getBytes(StandardCharsets.UTF_8));
    }
}
