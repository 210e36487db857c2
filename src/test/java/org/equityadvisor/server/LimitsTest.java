package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One request cannot take the server down: a body over 1 MiB is refused with 413 before it is read (declared
 * or chunked), JSON nested deeper than 64 levels is a 400 naming the place, and a leader's request for
 * another district is refused before the rest of the body is read.
 */
// The same server as RolesTest (same properties: Spring starts it once for both).
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "spring.datasource.url=jdbc:h2:mem:roles;DB_CLOSE_DELAY=-1"})
class LimitsTest extends ServerTest {

    private static final int MiB = 1024 * 1024;

    private static void assertTooLarge(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("at most 1.0 MiB", "equityadvisor.limits.body-size");
        assertThat(r.json().get("limit").asLong()).isEqualTo(MiB);
    }

    @Test
    void a100MegabyteBodyIsRefusedFromItsDeclaredLengthWithoutBeingSent() {
        // Only the headers go out: the answer comes although not one byte of the 100 MB follows.
        Response r = raw("127.0.0.1", "POST /api/advice HTTP/1.1\r\n" + basic("cora", "cora-pass") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 104857600\r\nExpect: 100-continue", new byte[0]);

        assertTooLarge(r);
        assertThat(r.json().get("detail").asText()).startsWith("The request body is 100.0 MiB");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnceItPassesIt() {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            chunks.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes(chunk);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        Response r = raw("127.0.0.1", "POST /api/plans HTTP/1.1\r\n" + basic("lee", "lee-pass") + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", chunks.toByteArray());

        assertTooLarge(r);
        assertThat(r.json().get("detail").asText()).startsWith("The request body is longer than 1.0 MiB");
    }

    @Test
    void aBodyJustUnderTheLimitIsServedChunkedOrNot() {
        String padded = riverbend().replaceFirst("\\{", "{" + " ".repeat(MiB - 4096));
        assertThat(send("lee", "POST", "/api/advice", padded).status()).isEqualTo(200);

        byte[] body = riverbend().getBytes(StandardCharsets.UTF_8);
        String chunked = Integer.toHexString(body.length) + "\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n";
        Response r = raw("127.0.0.1", "POST /api/advice HTTP/1.1\r\n" + basic("lee", "lee-pass") + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", chunked.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("ruleSet").asText()).startsWith("sha256:");
    }

    @Test
    void jsonNestedDeeperThan64LevelsIsABadRequestNamingThePlace() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        Response r = send("lee", "POST", "/api/plans", "{\"assessment\": " + deep + ", \"top\": 3}");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).startsWith("request:1:");
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains("nesting depth");
    }

    /** 5,000 rows of an unknown metric would be 5,000 problems to find and report: the district is refused first. */
    @Test
    void aLeadersRequestForAnotherDistrictIsRefusedBeforeTheRestIsRead() {
        String rows = ", {\"metric\": \"NOT-A-METRIC\", \"value\": 1}".repeat(5_000).substring(2);
        String districtFirst = "{\"district\": {\"id\": \"0699999\", \"name\": \"Elsewhere\"}, \"measures\": [" + rows + "]}";
        String districtLast = "{\"measures\": [" + rows + "], \"district\": {\"id\": \"0699999\", \"name\": \"Elsewhere\"}}";
        String yaml = "measures:\n" + "  - { metric: NOT-A-METRIC, value: 1 }\n".repeat(5_000) + "district: { id: \"0699999\", name: Elsewhere }\n";

        assertThat(send("cora", "POST", "/api/advice", districtFirst).status()).as("the rows are bad").isEqualTo(400);
        for (String body : new String[] {districtFirst, districtLast}) {
            Response advice = send("lee", "POST", "/api/advice", body);
            assertThat(advice.status()).as(advice.body()).isEqualTo(403);
            Response plan = send("lee", "POST", "/api/plans", "{\"assessment\": " + body + ", \"top\": 3}");
            assertThat(plan.status()).as(plan.body()).isEqualTo(403);
        }
        Response r = send("lee", "POST", "/api/advice", yaml, "Content-Type", "application/yaml");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).contains("0699999");
    }
}
