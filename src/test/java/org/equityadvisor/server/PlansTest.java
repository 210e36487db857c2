package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.equityadvisor.model.Plan;
import org.equityadvisor.plan.PlanFile;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "spring.datasource.url=${equityadvisor.test.datasource:jdbc:h2:mem:plans;DB_CLOSE_DELAY=-1}"})
class PlansTest extends ServerTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aDraftedPlanIsStoredWithAnETagAndReadBackEqual() {
        Response created = send("lee", "POST", "/api/plans", "{\"assessment\": " + riverbend() + ", \"accept\": [\"G-CONNECT\"], \"start\": \"2027-02-01\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).isEqualTo("/api/plans/" + created.header("X-Plan-Id"));
        Response read = send("lee", "GET", created.header("Location"), null);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        Plan plan = PlanFile.read("response", read.body());
        assertThat(plan.start()).hasToString("2027-02-01");
        assertThat(plan.goals()).extracting(g -> g.id()).contains("G-CONNECT");
        assertThat(send("lee", "GET", "/api/plans", null).json().findValuesAsText("id")).contains(created.header("X-Plan-Id"));
    }

    @Test
    void aStaleIfMatchGets412AndChangesNothing() {
        String id = newPlan();
        String body = send("lee", "GET", "/api/plans/" + id, null).body();
        String renamed = body.replaceFirst("\"title\" : \"[^\"]*\"", "\"title\" : \"Our plan\"");

        assertThat(send("lee", "PUT", "/api/plans/" + id, renamed, "If-Match", "\"1\"").status()).isEqualTo(200);
        Response stale = send("lee", "PUT", "/api/plans/" + id, body, "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("detail").asText()).contains("has changed since you read it");
        Response now = send("lee", "GET", "/api/plans/" + id, null);
        assertThat(now.header("ETag")).isEqualTo("\"2\"");
        assertThat(PlanFile.read("now", now.body()).title()).isEqualTo("Our plan");
        assertThat(send("lee", "PUT", "/api/plans/" + id, renamed).status()).isEqualTo(428);
    }

    @Test
    void aBrokenPlanBodyNamesTheFieldAndChangesNothing() {
        String id = newPlan();
        String body = send("lee", "GET", "/api/plans/" + id, null).body().replaceFirst("\"due\" : \"[0-9-]+\"", "\"due\" : \"soon\"");

        Response r = send("lee", "PUT", "/api/plans/" + id, body, "If-Match", "\"1\"");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).contains("goals[0].steps[0].due");
        assertThat(send("lee", "GET", "/api/plans/" + id, null).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aTitleLongerThanTheStoreKeepsIsABadRequestNamingItNotAServerError() {
        String id = newPlan();
        String body = send("lee", "GET", "/api/plans/" + id, null).body().replaceFirst("\"title\" : \"[^\"]*\"", "\"title\" : \"" + "T".repeat(1001) + "\"");

        Response r = send("lee", "PUT", "/api/plans/" + id, body, "If-Match", "\"1\"");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field")).anyMatch(f -> f.contains("title"));
        assertThat(send("lee", "GET", "/api/plans/" + id, null).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void goalsStepsAndPartnersAreAcceptedAndRemovedAndEveryVersionIsKept() {
        String id = newPlan();
        String path = "/api/plans/" + id;
        String goal = PlanFile.read("plan", send("lee", "GET", path, null).body()).goals().get(0).id();

        assertThat(send("lee", "POST", path + "/goals/" + goal + "/partners", "{\"id\": \"PT-18\"}").status()).isEqualTo(200);
        assertThat(send("lee", "POST", path + "/goals/" + goal + "/actions", "{\"id\": \"AS-10\"}", "If-Match", "\"2\"").status()).isEqualTo(200);
        Response own = send("lee", "POST", path + "/goals/" + goal + "/partners", "{\"name\": \"Payson Library\", \"role\": \"Evening homework help\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(PlanFile.read("plan", own.body()).goals().get(0).partners()).contains(new org.equityadvisor.model.PlanPartner("OWN-PAYSON-LIBRARY",
                "Payson Library", "Evening homework help"));
        assertThat(send("lee", "DELETE", path + "/goals/" + goal + "/partners/OWN-PAYSON-LIBRARY", null).status()).isEqualTo(200);
        assertThat(send("lee", "DELETE", path + "/goals/" + goal + "/actions/AS-10", null).status()).isEqualTo(200);
        Response removedTwice = send("lee", "DELETE", path + "/goals/" + goal + "/actions/AS-10", null);
        assertThat(removedTwice.status()).isEqualTo(400);
        assertThat(removedTwice.json().get("detail").asText()).contains("AS-10 is not a step of " + goal);
        assertThat(send("lee", "POST", path + "/goals", "{\"id\": \"G-NOPE\"}").json().get("detail").asText()).contains("G-NOPE was not suggested");

        var versions = send("lee", "GET", path + "/versions", null).json();
        assertThat(versions.findValuesAsText("change")).containsExactly("drafted", "added partner PT-18 to " + goal,
                "accepted AS-10 into " + goal, "added partner Payson Library to " + goal, "removed partner OWN-PAYSON-LIBRARY from " + goal,
                "removed AS-10 from " + goal);
        Plan second = PlanFile.read("v2", send("lee", "GET", path + "/versions/2", null).body());
        assertThat(second.goals().get(0).partners()).anyMatch(p -> p.id().equals("PT-18"));
    }

    @Test
    void theCheckAndEveryExportFormatAreServed() {
        String id = newPlan();

        var check = send("lee", "GET", "/api/plans/" + id + "/check", null).json();
        assertThat(check.get("passed").asBoolean()).isTrue();
        assertThat(check.get("criteria").get(0).get("name").asText()).isEqualTo("At least 3 goals");
        for (String format : List.of("md", "json", "docx", "pdf")) {
            Response r = send("lee", "GET", "/api/plans/" + id + "/export?format=" + format, null);
            assertThat(r.status()).as(format).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).contains("plan-" + id + "." + format);
        }
        assertThat(send("lee", "GET", "/api/plans/" + id + "/export?format=md", null).body()).contains("## Part 2. Goals");
    }

    @Test
    void deletingKeepsThePlanUntilAnAdminPurgesIt() {
        String id = newPlan();

        assertThat(send("lee", "DELETE", "/api/plans/" + id + "?purge=true", null).status()).isEqualTo(403);
        assertThat(send("lee", "DELETE", "/api/plans/" + id, null).status()).isEqualTo(204);
        assertThat(send("lee", "GET", "/api/plans/" + id, null).status()).isEqualTo(404);
        assertThat(send("ada", "GET", "/api/plans/" + id + "/versions", null).status()).isEqualTo(404);
        assertThat(send("ada", "DELETE", "/api/plans/" + id + "?purge=true", null).status()).isEqualTo(204);
        assertThat(send("ada", "DELETE", "/api/plans/" + id + "?purge=true", null).status()).isEqualTo(404);
    }

    /**
     * On PostgreSQL (CI runs this class there too), a commit is flushed to disk before the answer: even for a
     * role whose server setting is synchronous_commit=off, the server's sessions turn it back on.
     */
    @Test
    void postgresqlSessionsCommitToDiskEvenWhereTheServerSaysOtherwise() throws Exception {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "runs on PostgreSQL only: " + url);
        JdbcClient admin = JdbcClient.create(dataSource);
        admin.sql("ALTER ROLE CURRENT_USER SET synchronous_commit = off").update();
        try (HikariDataSource plain = new HikariDataSource(); HikariDataSource durable = new HikariDataSource()) {
            plain.setJdbcUrl(url);
            durable.setJdbcUrl(url);
            new Durability().postProcessBeforeInitialization(durable, "dataSource");
            assertThat(JdbcClient.create(plain).sql("SHOW synchronous_commit").query(String.class).single()).as("the role's setting").isEqualTo("off");
            assertThat(JdbcClient.create(durable).sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        } finally {
            admin.sql("ALTER ROLE CURRENT_USER RESET synchronous_commit").update();
        }
    }

    /** 20 threads update one plan with If-Match at once: one wins each round, the rest get 412, nothing is lost. */
    @Test
    void concurrentUpdatesNeverLoseAWinningChange() throws Exception {
        String id = newPlan();
        int threads = 20;
        int rounds = 5;
        List<String> winners = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                Response current = send("lee", "GET", "/api/plans/" + id, null);
                String etag = current.header("ETag");
                String before = PlanFile.read("current", current.body()).reflection();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    // Each change builds on the current plan: the final plan must hold every round's winner.
                    String reflection = (before + " round " + round + " thread " + t + ".").strip();
                    String body = current.body().replaceFirst("\"reflection\" : \"[^\"]*\"", "\"reflection\" : \"" + reflection + "\"");
                    results.add(pool.submit(() -> {
                        go.await();
                        return send("lee", "PUT", "/api/plans/" + id, body, "If-Match", etag);
                    }));
                }
                go.countDown();
                int won = 0;
                int refused = 0;
                for (Future<Response> f : results) {
                    Response r = f.get();
                    if (r.status() == 200) {
                        won++;
                        String all = PlanFile.read("winner", r.body()).reflection();
                        winners.add(all.substring(all.lastIndexOf("round ")));
                    } else if (r.status() == 412) {
                        refused++;
                    }
                }
                assertThat(won).as("winners in round " + round).isEqualTo(1);
                assertThat(refused).isEqualTo(threads - 1);
            }
        } finally {
            pool.shutdownNow();
        }
        var versions = send("lee", "GET", "/api/plans/" + id + "/versions", null).json();
        assertThat(versions).hasSize(rounds + 1);
        assertThat(PlanFile.read("final", send("lee", "GET", "/api/plans/" + id, null).body()).reflection())
                .isEqualTo(String.join(" ", winners));
    }
}
