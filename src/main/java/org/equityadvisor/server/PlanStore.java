package org.equityadvisor.server;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.plan.PlanFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Plans in the database, with every saved version kept. Updates are optimistic: they name the version they
 * were made against and change nothing when another update got there first, so no update is ever lost.
 */
@Repository
public class PlanStore {

    /** A stored plan: its id, the version an update must name, and the plan. */
    public record Stored(String id, int version, String districtId, boolean deleted, Plan plan) {
    }

    public record Version(int version, Instant savedAt, String savedBy, String change) {
    }

    private final JdbcClient jdbc;
    private final int plansPerDistrict;
    private final long bytesPerDistrict;

    PlanStore(JdbcClient jdbc, @Value("${equityadvisor.quota.plans-per-district}") int plansPerDistrict,
            @Value("${equityadvisor.quota.bytes-per-district}") DataSize bytesPerDistrict) {
        this.jdbc = jdbc;
        this.plansPerDistrict = plansPerDistrict;
        this.bytesPerDistrict = bytesPerDistrict.toBytes();
    }

    @Transactional
    public Stored create(Plan plan, String districtId, String user) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        String body = PlanFile.write(plan);
        fits(plan, districtId);
        int plans = jdbc.sql("SELECT COUNT(*) FROM plan WHERE district_id = ? AND deleted = FALSE").param(districtId).query(Integer.class).single();
        if (plans >= plansPerDistrict) {
            throw quota("equityadvisor.quota.plans-per-district", "District " + districtId + " has " + plans + " plans, as many as a district may keep ("
                    + "equityadvisor.quota.plans-per-district=" + plansPerDistrict + "): delete one before drafting another, or ask the operator to raise the quota.");
        }
        withinBytes(districtId, body);
        jdbc.sql("INSERT INTO plan (id, district_id, district, title, version, deleted, created_at, updated_at, body, state) VALUES (?, ?, ?, ?, 1, FALSE, ?, ?, ?, ?)")
                .params(id, districtId, plan.district(), plan.title(), now, now, body, state(plan)).update();
        version(id, 1, now, user, "drafted", body);
        return new Stored(id, 1, districtId, false, plan);
    }

    public Optional<Stored> find(String id) {
        return jdbc.sql("SELECT id, version, district_id, deleted, body FROM plan WHERE id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), PlanFile.read("plan " + id, rs.getString(5))))
                .optional();
    }

    /** Every live plan of the given districts (all districts when null), newest first. */
    public List<Stored> list(List<String> districts) {
        String sql = "SELECT id, version, district_id, deleted, body FROM plan WHERE deleted = FALSE"
                + (districts == null ? "" : districts.isEmpty() ? " AND 1 = 0" : " AND district_id IN (:districts)") + " ORDER BY updated_at DESC, id";
        var statement = jdbc.sql(sql);
        if (districts != null && !districts.isEmpty()) {
            statement = statement.param("districts", districts);
        }
        return statement.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), PlanFile.read("plan", rs.getString(5))))
                .list();
    }

    /** Every live plan of the districts of one state (two-letter code), newest first. */
    public List<Stored> listByState(String state) {
        return jdbc.sql("SELECT id, version, district_id, deleted, body FROM plan WHERE deleted = FALSE AND state = ? ORDER BY updated_at DESC, id")
                .param(state.toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), PlanFile.read("plan", rs.getString(5)))).list();
    }

    /** The state of a district, as its latest plan gives it. */
    public Optional<String> stateOfDistrict(String districtId) {
        return jdbc.sql("SELECT state FROM plan WHERE district_id = ? AND state IS NOT NULL ORDER BY updated_at DESC").param(districtId)
                .query(String.class).list().stream().findFirst();
    }

    /** The two-letter state of a plan's district (its assessment's district.state), upper case; null when it has none. */
    public static String state(Plan plan) {
        String state = plan.assessment() == null || plan.assessment().district() == null ? null : plan.assessment().district().state();
        return state == null || !state.strip().matches("[A-Za-z]{2}") ? null : state.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Plans saved before the state column existed get theirs from their body, once, when the server starts. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void fillStates() {
        List<String[]> missing = jdbc.sql("SELECT id, body FROM plan WHERE state IS NULL")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] row : missing) {
            String state = state(PlanFile.read("plan " + row[0], row[1]));
            if (state != null) {
                jdbc.sql("UPDATE plan SET state = ? WHERE id = ? AND state IS NULL").params(state, row[0]).update();
            }
        }
    }

    /**
     * Saves a new version of {@code current}'s plan if the stored one is still {@code expected}; returns
     * empty, having changed nothing, when another update came first.
     */
    @Transactional
    public Optional<Stored> update(Stored current, int expected, Plan plan, String user, String change) {
        Timestamp now = Timestamp.from(Instant.now());
        String body = PlanFile.write(plan);
        fits(plan, current.districtId());
        withinBytes(current.districtId(), body);
        // The district is not among the columns set: a plan never changes district.
        int rows = jdbc.sql("UPDATE plan SET version = version + 1, title = ?, updated_at = ?, body = ?, state = ? WHERE id = ? AND version = ? AND deleted = FALSE")
                .params(plan.title(), now, body, state(plan), current.id(), expected).update();
        if (rows == 0) {
            return Optional.empty();
        }
        version(current.id(), expected + 1, now, user, change, body);
        // What was just written, without reading it back: the district never changes with an update.
        return Optional.of(new Stored(current.id(), expected + 1, current.districtId(), false, plan));
    }

    /** Marks a plan deleted (it stays in the store with all its versions) if it is still at {@code expected}. */
    @Transactional
    public boolean delete(String id, int expected, String user) {
        Timestamp now = Timestamp.from(Instant.now());
        int rows = jdbc.sql("UPDATE plan SET deleted = TRUE, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND deleted = FALSE")
                .params(now, id, expected).update();
        if (rows == 1) {
            String body = jdbc.sql("SELECT body FROM plan WHERE id = ?").param(id).query(String.class).single();
            version(id, expected + 1, now, user, "deleted", body);
        }
        return rows == 1;
    }

    /** Removes a plan and every version of it for good: only on an explicit request. */
    @Transactional
    public boolean purge(String id) {
        jdbc.sql("DELETE FROM plan_version WHERE plan_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM plan WHERE id = ?").param(id).update() == 1;
    }

    public List<Version> versions(String id) {
        return jdbc.sql("SELECT version, saved_at, saved_by, change FROM plan_version WHERE plan_id = ? ORDER BY version").param(id)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4))).list();
    }

    public Optional<Plan> version(String id, int version) {
        return jdbc.sql("SELECT body FROM plan_version WHERE plan_id = ? AND version = ?").params(id, version).query(String.class).optional()
                .map(body -> PlanFile.read("plan " + id + " version " + version, body));
    }

    private void version(String id, int version, Timestamp at, String user, String change, String body) {
        jdbc.sql("INSERT INTO plan_version (plan_id, version, saved_at, saved_by, change, body, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, version, at, user, change.length() > 1000 ? change.substring(0, 1000) : change, body, bytes(body)).update();
    }

    /** What the columns beside the plan hold; longer would be a database error, a 500, instead of the field named. */
    private static void fits(Plan plan, String districtId) {
        List<Problem> problems = new ArrayList<>();
        if (districtId.length() > 200) {
            problems.add(new Problem("assessment.district.id", "is " + districtId.length() + " characters long; a district id has at most 200"));
        }
        if (plan.district() == null || plan.district().length() > 500) {
            problems.add(new Problem("district", "must be a district name of at most 500 characters"));
        }
        if (plan.title() == null || plan.title().length() > 1000) {
            problems.add(new Problem("title", "must be a title of at most 1,000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InputException("plan", problems);
        }
    }

    /**
     * Every version is kept, so each save adds its whole plan to the district's share of the disk; past the
     * quota a district's writes are refused (507) instead of filling the disk for everyone. Checked before the
     * write, so saves racing each other may pass it by a few plans at most.
     */
    private void withinBytes(String districtId, String body) {
        long used = jdbc.sql("SELECT COALESCE(SUM(v.size_bytes), 0) FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.district_id = ?")
                .param(districtId).query(Long.class).single();
        long adding = bytes(body);
        if (used + adding > bytesPerDistrict) {
            throw quota("equityadvisor.quota.bytes-per-district", "District " + districtId + " keeps " + Limits.show(used) + " of plans and their versions; this save of "
                    + Limits.show(adding) + " would pass its quota of " + Limits.show(bytesPerDistrict) + " (equityadvisor.quota.bytes-per-district). "
                    + "An admin can remove deleted plans for good (DELETE /api/plans/{id}?purge=true), or the operator can raise the quota.");
        }
    }

    private static ApiException quota(String property, String detail) {
        return new ApiException(HttpStatus.INSUFFICIENT_STORAGE, detail).with("quota", property);
    }

    private static long bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }
}
