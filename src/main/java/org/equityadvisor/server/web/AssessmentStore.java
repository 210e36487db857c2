package org.equityadvisor.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.server.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each district's current assessment, kept as the contract's YAML (the same file the CLI reads and
 * {@code init} writes), so what a leader enters on the pages can be downloaded and advised on the command line.
 * On a fresh database a demo district is added, so a first start shows real advice before anyone types.
 */
@Repository
class AssessmentStore {

    /** The demo district's id: 99 is no state's code, so it never collides with a real NCES district. */
    static final String DEMO_ID = "9900001";

    /** A district's stored assessment and its YAML text. */
    record Stored(String districtId, String name, String yaml, Instant updatedAt, String updatedBy) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentStore.class);
    private final JdbcClient jdbc;
    private final RuleSets ruleSets;

    AssessmentStore(JdbcClient jdbc, RuleSets ruleSets) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        seedDemo();
    }

    private void seedDemo() {
        if (jdbc.sql("SELECT COUNT(*) FROM assessment").query(Integer.class).single() > 0) {
            return;
        }
        try (InputStream in = AssessmentStore.class.getResourceAsStream("/web/demo-assessment.yaml")) {
            if (in == null) {
                return;
            }
            Assessment demo = reader().read("demo-assessment.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            save(demo, "equity-advisor");
        } catch (InputException e) {
            // A rule set of its own (other metrics, other indicators) need not know the demo's figures: start without it.
            LOG.info("No demo district: the rule set in service does not accept it ({})", e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("the demo assessment bundled in the jar cannot be read", e);
        }
    }

    Optional<Stored> find(String districtId) {
        return jdbc.sql("SELECT district_id, district, body, updated_at, updated_by FROM assessment WHERE district_id = ?").param(districtId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    /** The stored districts among {@code ids} (all of them when null), by name. */
    List<Stored> list(List<String> ids) {
        String sql = "SELECT district_id, district, body, updated_at, updated_by FROM assessment"
                + (ids == null ? "" : ids.isEmpty() ? " WHERE 1 = 0" : " WHERE district_id IN (:ids)") + " ORDER BY district, district_id";
        var statement = jdbc.sql(sql);
        if (ids != null && !ids.isEmpty()) {
            statement = statement.param("ids", ids);
        }
        return statement.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** Reads a stored assessment with the rule set in service (its checks apply, as for the CLI). */
    Assessment read(Stored stored) {
        return reader().read("district " + stored.districtId(), stored.yaml());
    }

    /** Replaces the district's assessment (its id is the key) with this one, as YAML. */
    @Transactional
    Stored save(Assessment assessment, String user) {
        String id = assessment.district().id();
        String yaml = writer().yaml(assessment, List.of("Kept by the Equity Advisor web pages for district " + id + "."));
        Timestamp now = Timestamp.from(Instant.now());
        int rows = jdbc.sql("UPDATE assessment SET district = ?, body = ?, updated_at = ?, updated_by = ? WHERE district_id = ?")
                .params(assessment.district().name(), yaml, now, user, id).update();
        if (rows == 0) {
            jdbc.sql("INSERT INTO assessment (district_id, district, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                    .params(id, assessment.district().name(), yaml, now, user).update();
        }
        return new Stored(id, assessment.district().name(), yaml, now.toInstant(), user);
    }

    AssessmentReader reader() {
        return new AssessmentReader(kb());
    }

    AssessmentWriter writer() {
        return new AssessmentWriter(kb());
    }

    private KnowledgeBase kb() {
        return ruleSets.active().kb();
    }
}
