package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.equityadvisor.model.Plan;
import org.equityadvisor.plan.PlanFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A leader works on their own districts' plans and advice, named by district id, and nothing else: the
 * attacks of the issue (a plan for district 0699999 named "0612345" by that district's neighbour, a PUT that
 * moves a plan to another district, advice for a mix of the two) are refused on every route.
 * lee leads 0612345, otto leads 0699999.
 */
// The same server as RolesTest (same properties: Spring starts it once for both).
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "spring.datasource.url=jdbc:h2:mem:roles;DB_CLOSE_DELAY=-1"})
class DistrictAccessTest extends ServerTest {

    /** Riverbend's assessment with this district id (none when null) and name. */
    private static String district(String id, String name) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(riverbend());
            ObjectNode district = (ObjectNode) doc.get("district");
            district.remove("id");
            if (id != null) {
                district.put("id", id);
            }
            district.put("name", name);
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String draft(String assessment) {
        return "{\"assessment\": " + assessment + ", \"top\": 3}";
    }

    private int allPlans() {
        return send("ada", "GET", "/api/plans", null).json().size();
    }

    @Test
    void aLeaderCannotDraftAPlanForAnotherDistrictByNamingItAfterTheirOwnId() {
        int before = allPlans();

        Response r = send("lee", "POST", "/api/plans", draft(district("0699999", "0612345")));

        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).contains("0699999");
        assertThat(allPlans()).as("nothing was stored").isEqualTo(before);
    }

    @Test
    void adviceForAnotherDistrictIsRefusedWhateverItIsCalled() {
        Response mixed = send("lee", "POST", "/api/advice", district("0699999", "0612345"));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(403);

        Response nameOnly = send("lee", "POST", "/api/advice", district(null, "0612345"));
        assertThat(nameOnly.status()).as(nameOnly.body()).isEqualTo(400);
        assertThat(nameOnly.json().get("errors").get(0).get("field").asText()).isEqualTo("district.id");
        assertThat(nameOnly.json().get("errors").get(0).get("message").asText()).contains("0612345", "name does not identify it");

        assertThat(send("lee", "POST", "/api/advice", district("0612345", "Riverbend Unified")).status()).isEqualTo(200);
        assertThat(send("cora", "POST", "/api/advice", district(null, "Any District")).status()).as("a coach advises any district").isEqualTo(200);
    }

    @Test
    void everyPlanIsKeptUnderADistrictIdNeverUnderAName() {
        for (String user : List.of("lee", "ada")) {
            Response r = send(user, "POST", "/api/plans", draft(district(null, "0612345")));
            assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("assessment.district.id");
        }
    }

    /**
     * The attack on every plan route: otto's plan for his district 0699999, named "0612345" (lee's
     * district id), is as far out of lee's reach as any other district's plan, and stays unchanged.
     */
    @TestFactory
    Stream<DynamicTest> aPlanNamedAfterTheLeadersIdIsOutOfReachOnEveryRoute() {
        Response created = send("otto", "POST", "/api/plans", draft(district("0699999", "0612345")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.header("X-Plan-Id");
        Plan plan = PlanFile.read("plan", created.body());
        String goal = plan.goals().get(0).id();
        String step = plan.goals().get(0).steps().get(0).id();
        String partner = plan.goals().get(0).partners().get(0).id();
        String base = "/api/plans/" + id;
        List<String[]> routes = List.of(
                new String[] {"GET", base, null},
                new String[] {"PUT", base, created.body()},
                new String[] {"GET", base + "/check", null},
                new String[] {"GET", base + "/export?format=md", null},
                new String[] {"GET", base + "/export?format=pdf", null},
                new String[] {"GET", base + "/versions", null},
                new String[] {"GET", base + "/versions/1", null},
                new String[] {"POST", base + "/goals", "{\"id\": \"G-CONNECT\"}"},
                new String[] {"DELETE", base + "/goals/" + goal, null},
                new String[] {"POST", base + "/goals/" + goal + "/actions", "{\"id\": \"AS-10\"}"},
                new String[] {"DELETE", base + "/goals/" + goal + "/actions/" + step, null},
                new String[] {"POST", base + "/goals/" + goal + "/partners", "{\"id\": \"PT-18\"}"},
                new String[] {"DELETE", base + "/goals/" + goal + "/partners/" + partner, null},
                new String[] {"DELETE", base, null});
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] route : routes) {
            tests.add(DynamicTest.dynamicTest(route[0] + " " + route[1].replace(id, "{id}") + " as lee", () -> {
                Response r = send("lee", route[0], route[1], route[2], "If-Match", "\"1\"");
                assertThat(r.status()).as(r.body()).isEqualTo(404);
                assertThat(r.body()).as("nothing leaked").doesNotContain(plan.title(), plan.goals().get(0).statement());
            }));
        }
        tests.add(DynamicTest.dynamicTest("DELETE {id}?purge=true as lee", () ->
                assertThat(send("lee", "DELETE", base + "?purge=true", null).status()).isEqualTo(403)));
        tests.add(DynamicTest.dynamicTest("GET /api/plans as lee", () ->
                assertThat(send("lee", "GET", "/api/plans", null).json().findValuesAsText("id")).doesNotContain(id)));
        tests.add(DynamicTest.dynamicTest("the plan is unchanged for otto", () -> {
            Response now = send("otto", "GET", base, null);
            assertThat(now.status()).isEqualTo(200);
            assertThat(now.header("ETag")).isEqualTo("\"1\"");
            assertThat(now.body()).isEqualTo(created.body());
        }));
        return tests.stream();
    }

    @Test
    void aPlanNeverChangesDistrictWithOrWithoutItsAssessment() throws IOException {
        String id = newPlan();
        String path = "/api/plans/" + id;
        String body = send("lee", "GET", path, null).body();

        ObjectNode renamed = (ObjectNode) JSON.readTree(body);
        renamed.remove("assessment");
        renamed.put("district", "0699999");
        ObjectNode moved = (ObjectNode) JSON.readTree(body);
        ((ObjectNode) moved.get("assessment").get("district")).put("id", "0699999");
        ObjectNode otherAdvice = (ObjectNode) JSON.readTree(body);
        ((ObjectNode) otherAdvice.get("advice")).put("district", "Elsewhere");

        for (String user : List.of("lee", "ada")) {
            assertRefused(user, path, renamed, "district");
            assertRefused(user, path, moved, "assessment.district.id");
            assertRefused(user, path, otherAdvice, "advice.district");
        }
        Response now = send("lee", "GET", path, null);
        assertThat(now.header("ETag")).as("nothing was saved").isEqualTo("\"1\"");
        assertThat(now.body()).isEqualTo(body);
        assertThat(send("otto", "GET", path, null).status()).isEqualTo(404);
    }

    private void assertRefused(String user, String path, ObjectNode plan, String field) throws IOException {
        Response r = send(user, "PUT", path, JSON.writeValueAsString(plan), "If-Match", "\"1\"");
        assertThat(r.status()).as(user + " " + field + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains("a plan stays with its district (0612345");
    }
}
