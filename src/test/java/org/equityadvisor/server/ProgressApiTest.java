package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.plan.PlanFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Carrying a stored plan out over the API: step status and figures saved as versions with who made them,
 * where outcomes stand, what is due, the report, the review, the calendar feed with its revocable token, and a
 * state coordinator who reads their own state's plans and nothing of another's. lee leads 0612345 (Riverbend,
 * CA), otto leads 0699999; stella coordinates CA, oren OR.
 */
// The same server as RolesTest and DistrictAccessTest (same properties: Spring starts it once for all).
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "spring.datasource.url=jdbc:h2:mem:roles;DB_CLOSE_DELAY=-1"})
class ProgressApiTest extends ServerTest {

    /** Riverbend's plan of the top three goals from 11 Jan 2027 (the dates the assertions use). */
    private String riverbendPlan() {
        Response created = send("lee", "POST", "/api/plans", "{\"assessment\": " + riverbend() + ", \"top\": 3, \"start\": \"2027-01-11\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.header("X-Plan-Id");
    }

    @Test
    void aLeadersStepStatusAndFigureAreSavedAsVersionsWithWhoMadeThem() {
        String id = riverbendPlan();
        String path = "/api/plans/" + id;

        Response done = send("lee", "PUT", path + "/goals/G-CONNECT/steps/AS-09/status", "{\"status\": \"done\"}", "If-Match", "\"1\"");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.header("ETag")).isEqualTo("\"2\"");
        Plan plan = PlanFile.read("response", done.body());
        var map = plan.goals().get(0).steps().stream().filter(s -> s.id().equals("AS-09")).findFirst().orElseThrow();
        assertThat(map.stepStatus()).isEqualTo(StepStatus.DONE);
        assertThat(map.updatedBy()).isEqualTo("lee");

        Response stale = send("lee", "PUT", path + "/goals/G-CONNECT/steps/AS-13/status", "{\"status\": \"in-progress\"}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        Response blocked = send("lee", "PUT", path + "/goals/G-CONNECT/steps/AS-13/status", "{\"status\": \"blocked\"}");
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json().get("errors").get(0).get("field").asText()).isEqualTo("note");

        Response figure = send("lee", "POST", path + "/actuals", "{\"outcome\": \"GM-01\", \"goal\": \"G-CONNECT\", \"value\": 9, \"date\": \"2027-07-12\", \"n\": 3900, \"source\": \"summer survey\"}");
        assertThat(figure.status()).as(figure.body()).isEqualTo(200);
        Response jump = send("lee", "POST", path + "/actuals", "{\"outcome\": \"GM-01\", \"goal\": \"G-CONNECT\", \"value\": 60, \"date\": \"2027-10-11\"}");
        assertThat(jump.header("Warning")).contains("moved from 9");

        assertThat(send("lee", "GET", path + "/versions", null).json().findValuesAsText("change"))
                .contains("step AS-09 of G-CONNECT: done", "figure GM-01 = 9 on 2027-07-12");
        assertThat(send("lee", "GET", path + "/versions", null).json().findValuesAsText("savedBy")).containsOnly("lee");

        Response progress = send("lee", "GET", path + "/progress?on=2027-08-01", null);
        assertThat(progress.json().get(0).get("outcome").asText()).isEqualTo("GM-01");
        assertThat(progress.json().get(0).get("status").asText()).isEqualTo("on-track");
        assertThat(send("lee", "GET", path + "/trend.svg?outcome=GM-01&goal=G-CONNECT&on=2027-08-01", null).body()).startsWith("<svg").contains("on track");

        Response due = send("lee", "GET", path + "/due?as=Family%20engagement%20lead&on=2027-08-01", null);
        assertThat(due.json().findValuesAsText("ref")).contains("AS-17").doesNotContain("AS-09");

        Response report = send("lee", "GET", path + "/report?format=md&on=2027-12-31", null);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("# Yearly report").contains("| Done | Publish a multilingual homework-hotspot map");

        assertThat(send("otto", "GET", path + "/progress", null).status()).as("another district's leader").isEqualTo(404);
        assertThat(send("otto", "PUT", path + "/goals/G-CONNECT/steps/AS-13/status", "{\"status\": \"done\"}").status()).isEqualTo(404);
        assertThat(send("cora", "GET", path + "/progress", null).status()).as("a coach").isEqualTo(403);
    }

    @Test
    void aReviewListsWhatChangedAndAcceptingRecordsTheNewFigures() {
        String id = riverbendPlan();
        String newer = riverbend().replace("\"value\":12,", "\"value\":2,").replace("\"value\":16.5,", "\"value\":2.5,");
        assertThat(newer).isNotEqualTo(riverbend());

        Response review = send("lee", "POST", "/api/plans/" + id + "/review", "{\"assessment\": " + newer + "}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.json().get("outcomesAchieved").toString()).contains("G-CONNECT GM-01");
        assertThat(review.json().get("accepted").asBoolean()).isFalse();

        Response accepted = send("lee", "POST", "/api/plans/" + id + "/review", "{\"assessment\": " + newer + ", \"accept\": true, \"on\": \"2028-01-15\"}");
        assertThat(accepted.header("ETag")).isEqualTo("\"2\"");
        assertThat(send("lee", "GET", "/api/plans/" + id, null).body()).contains("\"date\" : \"2028-01-15\"");
        String otherDistrict = newer.replace("0612345", "0699999");
        assertThat(send("lee", "POST", "/api/plans/" + id + "/review", "{\"assessment\": " + otherDistrict + "}").status()).isEqualTo(400);
    }

    @Test
    void aStateCoordinatorReadsTheirStatesPlansAndRollUpButChangesNothingAndSeesNothingOfAnotherState() {
        String id = riverbendPlan();
        String path = "/api/plans/" + id;

        assertThat(send("stella", "GET", path, null).status()).isEqualTo(200);
        assertThat(send("stella", "GET", path + "/progress", null).status()).isEqualTo(200);
        assertThat(send("stella", "GET", "/api/plans", null).json().findValuesAsText("id")).contains(id);
        assertThat(send("stella", "PUT", path + "/goals/G-CONNECT/steps/AS-09/status", "{\"status\": \"done\"}").status()).isEqualTo(403);
        assertThat(send("stella", "POST", "/api/plans", "{\"assessment\": " + riverbend() + ", \"top\": 3}").status()).isEqualTo(403);
        assertThat(send("stella", "GET", "/api/states/CA/plans", null).json().findValuesAsText("id")).contains(id);
        Response csv = send("stella", "GET", "/api/states/ca/rollup?format=csv&on=2027-08-01", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("state,as_of,field").contains("CA,2027-08-01,OBJ-BROADBAND,objective,");
        assertThat(send("stella", "GET", "/api/states/CA/rollup", null).json().get("plans").asInt()).isPositive();

        assertThat(send("oren", "GET", path, null).status()).as("a coordinator of another state").isEqualTo(404);
        assertThat(send("oren", "GET", "/api/plans", null).json().findValuesAsText("id")).doesNotContain(id);
        assertThat(send("oren", "GET", "/api/states/CA/rollup", null).status()).isEqualTo(404);
        assertThat(send("oren", "GET", "/api/states/CA/plans", null).status()).isEqualTo(404);
        assertThat(send("lee", "GET", "/api/states/CA/rollup", null).status()).as("a leader").isEqualTo(403);
        assertThat(send("ada", "GET", "/api/states/CA/rollup", null).status()).as("an admin").isEqualTo(200);
    }

    @Test
    void theCalendarFeedAnswersItsTokenAndStopsWhenTheTokenIsRevoked() throws Exception {
        riverbendPlan();
        assertThat(send("otto", "POST", "/api/calendar/tokens", "{\"district\": \"0612345\"}").status()).isEqualTo(403);
        Response token = send("lee", "POST", "/api/calendar/tokens", "{\"district\": \"0612345\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        String url = token.json().get("url").asText();

        Response feed = send(null, "GET", url, null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        var events = new CalendarBuilder().build(new StringReader(feed.body())).<VEvent>getComponents("VEVENT");
        assertThat(events).isNotEmpty();
        assertThat(events.stream().map(e -> e.getSummary().getValue())).anySatisfy(s -> assertThat(s).startsWith("Step due: "));
        assertThat(send(null, "GET", url.replace(".ics", "x.ics"), null).status()).as("a wrong token").isEqualTo(404);
        assertThat(send("lee", "GET", "/api/calendar/tokens", null).body()).doesNotContain(url.substring("/calendar/".length(), url.length() - 4));

        String tokenId = token.json().get("id").asText();
        assertThat(send("otto", "DELETE", "/api/calendar/tokens/" + tokenId, null).status()).as("someone else's token").isEqualTo(404);
        assertThat(send("lee", "DELETE", "/api/calendar/tokens/" + tokenId, null).status()).isEqualTo(204);
        assertThat(send(null, "GET", url, null).status()).as("revoked").isEqualTo(404);
    }
}
