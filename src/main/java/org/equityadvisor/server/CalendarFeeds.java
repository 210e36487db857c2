package org.equityadvisor.server;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.progress.Progress;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The due dates of a district's plans as an iCalendar feed a calendar application subscribes to. A
 * calendar cannot sign in, so the feed's address carries a token made for one user and one district: only
 * its SHA-256 is stored, the user sees it once, and can revoke it. A feed answers only while its token is
 * not revoked and its user still exists and may still read that district; otherwise it is a 404, like any
 * address that never existed.
 */
@RestController
public class CalendarFeeds {

    /** A token as its owner sees it afterwards: never the token itself, only its id and dates. */
    public record Token(String id, String district, Instant createdAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final PlanStore store;
    private final Accounts accounts;
    private final RuleSets ruleSets;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(JdbcClient jdbc, PlanStore store, Accounts accounts, RuleSets ruleSets) {
        this.jdbc = jdbc;
        this.store = store;
        this.accounts = accounts;
        this.ruleSets = ruleSets;
    }

    @Operation(tags = "Progress", summary = "Make a calendar feed token for one of your districts: {\"district\": \"0612345\"}; the token is shown only in this answer")
    @PostMapping(value = "/api/calendar/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Accounts.Account me) {
        Object district = body.get("district");
        if (!(district instanceof String id) || id.isBlank()) {
            throw new InputException("request", new Problem("district", "is required: the id of one of your districts"));
        }
        if (!mayFollow(me, id)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "You do not work on district " + id + ".");
        }
        Created made = create(me, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", made.id());
        out.put("district", id);
        out.put("url", made.path());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    /** A token just made: its id, and the feed's path with the token in it (shown this once). */
    public record Created(String id, String path) {
    }

    /** True when this user may follow this district's due dates: one of their districts, or of the state they coordinate. */
    public boolean mayFollow(Accounts.Account me, String districtId) {
        return me.serves(districtId) || me.readsState(store.stateOfDistrict(districtId).orElse(null));
    }

    /** Makes a token for one user and one district (the caller has checked {@link #mayFollow}); only its hash is stored. */
    public Created create(Accounts.Account me, String districtId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String tokenId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO calendar_token (id, token_hash, user_name, district_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(tokenId, hash(token), me.getUsername(), districtId, Timestamp.from(Instant.now())).update();
        return new Created(tokenId, "/calendar/" + token + ".ics");
    }

    @Operation(tags = "Progress", summary = "Your calendar feed tokens (without the tokens themselves)")
    @GetMapping("/api/calendar/tokens")
    List<Token> mine(@AuthenticationPrincipal Accounts.Account me) {
        return tokens(me);
    }

    /** This user's tokens, revoked ones too, oldest first. */
    public List<Token> tokens(Accounts.Account me) {
        return jdbc.sql("SELECT id, district_id, created_at, revoked_at FROM calendar_token WHERE user_name = ? ORDER BY created_at, id").param(me.getUsername())
                .query((rs, n) -> new Token(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list();
    }

    @Operation(tags = "Progress", summary = "Revoke a calendar feed token: its feed answers 404 from now on")
    @DeleteMapping("/api/calendar/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, @AuthenticationPrincipal Accounts.Account me) {
        if (!revoke(me, id)) {
            throw ApiException.notFound("Calendar token " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Revokes one of this user's tokens (an admin: anyone's); false when there is no such open token. */
    public boolean revoke(Accounts.Account me, String id) {
        return jdbc.sql("UPDATE calendar_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND (user_name = ? OR ?)")
                .params(Timestamp.from(Instant.now()), id, me.getUsername(), me.role() == Accounts.Role.ADMIN).update() > 0;
    }

    /** The feed: public, the token is the key. */
    @Operation(tags = "Progress", summary = "A district's due dates as iCalendar (RFC 5545), for calendar applications; the token is the key")
    @GetMapping(value = "/calendar/{token}.ics", produces = "text/calendar")
    ResponseEntity<String> feed(@PathVariable String token) {
        Optional<String[]> row = jdbc.sql("SELECT user_name, district_id FROM calendar_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(hash(token)).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (row.isEmpty()) {
            throw ApiException.notFound("Calendar");
        }
        String user = row.get()[0];
        String district = row.get()[1];
        Accounts.Account account = accounts.find(user).orElseThrow(() -> ApiException.notFound("Calendar"));
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (PlanStore.Stored s : store.list(List.of(district))) {
            if (account.serves(district) || account.readsState(PlanStore.state(s.plan()))) {
                plans.put(s.id(), s.plan());
            }
        }
        if (plans.isEmpty() && !account.serves(district)) {
            throw ApiException.notFound("Calendar");
        }
        String name = plans.isEmpty() ? "District " + district : plans.values().iterator().next().district() + " plan due dates";
        String ics = new Progress(ruleSets.active().kb()).calendar(name, plans, LocalDate.now());
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(ics);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
