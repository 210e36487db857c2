package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every endpoint for every role: anonymous, the leader of the plan's district (lee), a leader of another
 * district (otto), a coach (cora) and an admin (ada). Another district's plan is a 404 whose body says
 * nothing about it.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "spring.datasource.url=jdbc:h2:mem:roles;DB_CLOSE_DELAY=-1"})
class RolesTest extends ServerTest {

    private static final List<String> USERS = java.util.Arrays.asList(null, "lee", "otto", "cora", "ada");

    /** An endpoint: how to call it on a fresh plan, and the status each user gets (null user: anonymous). */
    private record Endpoint(String name, String method, String path, String body, boolean ifMatch, Map<String, Integer> expected) {
    }

    private static Map<String, Integer> expect(int anonymous, int lee, int otto, int cora, int ada) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("anonymous", anonymous);
        m.put("lee", lee);
        m.put("otto", otto);
        m.put("cora", cora);
        m.put("ada", ada);
        return m;
    }

    private static List<Endpoint> endpoints() {
        String plan = "{\"assessment\": " + riverbend() + ", \"top\": 3}";
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("framework", "GET", "/api/framework", null, false, expect(401, 200, 200, 200, 200)));
        e.add(new Endpoint("advice", "POST", "/api/advice", riverbend(), false, expect(401, 200, 403, 200, 200)));
        e.add(new Endpoint("create plan", "POST", "/api/plans", plan, false, expect(401, 201, 403, 403, 201)));
        e.add(new Endpoint("list plans", "GET", "/api/plans", null, false, expect(401, 200, 200, 403, 200)));
        e.add(new Endpoint("read plan", "GET", "/api/plans/{id}", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("replace plan", "PUT", "/api/plans/{id}", "{plan}", true, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("accept partner", "POST", "/api/plans/{id}/goals/{goal}/partners", "{\"id\": \"PT-18\"}", false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("remove partner", "DELETE", "/api/plans/{id}/goals/{goal}/partners/{partner}", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("accept action", "POST", "/api/plans/{id}/goals/{goal}/actions", "{\"id\": \"AS-10\"}", false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("remove action", "DELETE", "/api/plans/{id}/goals/{goal}/actions/{action}", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("remove goal", "DELETE", "/api/plans/{id}/goals/{goal}", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("check", "GET", "/api/plans/{id}/check", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("export", "GET", "/api/plans/{id}/export?format=pdf", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("versions", "GET", "/api/plans/{id}/versions", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("one version", "GET", "/api/plans/{id}/versions/1", null, false, expect(401, 200, 404, 403, 200)));
        e.add(new Endpoint("delete plan", "DELETE", "/api/plans/{id}", null, false, expect(401, 204, 404, 403, 204)));
        e.add(new Endpoint("purge plan", "DELETE", "/api/plans/{id}?purge=true", null, false, expect(401, 403, 403, 403, 204)));
        e.add(new Endpoint("rules status", "GET", "/api/rules", null, false, expect(401, 403, 403, 200, 200)));
        e.add(new Endpoint("rules reload", "POST", "/api/rules/reload", null, false, expect(401, 403, 403, 200, 200)));
        e.add(new Endpoint("actuator info", "GET", "/actuator/info", null, false, expect(401, 403, 403, 200, 200)));
        e.add(new Endpoint("health", "GET", "/actuator/health", null, false, expect(200, 200, 200, 200, 200)));
        return e;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String user : USERS) {
                String who = user == null ? "anonymous" : user;
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + who, () -> {
                    String id = newPlan();
                    Response current = send("lee", "GET", "/api/plans/" + id, null);
                    var plan = org.equityadvisor.plan.PlanFile.read("plan", current.body());
                    var goal = plan.goals().get(0);
                    String path = endpoint.path().replace("{id}", id).replace("{goal}", goal.id())
                            .replace("{partner}", goal.partners().get(0).id()).replace("{action}", goal.steps().get(0).id());
                    String body = "{plan}".equals(endpoint.body()) ? current.body() : endpoint.body();
                    Response r = endpoint.ifMatch() ? send(user, endpoint.method(), path, body, "If-Match", current.header("ETag"))
                            : send(user, endpoint.method(), path, body);
                    assertThat(r.status()).as(endpoint.method() + " " + path + " as " + who + ": " + r.body()).isEqualTo(endpoint.expected().get(who));
                    if (r.status() >= 400) {
                        assertThat(r.header("Content-Type")).as("a problem detail").startsWith("application/problem+json");
                        assertThat(r.body()).as("nothing leaked").doesNotContain("Riverbend", plan.title(), goal.statement());
                    }
                }));
            }
        }
        return tests.stream();
    }
}
