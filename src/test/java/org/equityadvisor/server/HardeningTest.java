package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small guards: security headers on every answer, the API document behind sign-in by default, and a
 * storage quota per district (here 3 plans and 1 MB, with every version counted).
 */
@GuardedServer
class HardeningTest extends ServerTest {

    @Override
    String password(String user) {
        return GuardedServer.PASSWORD;
    }

    private String draft(String districtId) {
        return "{\"assessment\": " + assessment("riverbend-rural-high-poverty.yaml", districtId) + ", \"top\": 3}";
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyReferrerPolicyAndNoSniff() {
        List<Response> answers = List.of(
                send("ada", "GET", "/api/framework", null),
                send(null, "GET", "/api/plans", null),
                send("ada", "GET", "/api/plans/no-such-plan", null),
                send("cora", "POST", "/api/plans", "{}"),
                send(null, "GET", "/actuator/health", null),
                send("ada", "GET", "/swagger-ui/index.html", null),
                raw("127.0.0.1", "POST /api/advice HTTP/1.1\r\n" + basic("ada", GuardedServer.PASSWORD) + "\r\nContent-Length: 50000000", new byte[0]));

        assertThat(answers).extracting(Response::status).containsExactly(200, 401, 404, 403, 200, 200, 413);
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.header("Content-Security-Policy")).as("CSP").contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        });
    }

    @Test
    void theApiDocumentAndSwaggerUiNeedASignIn() {
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html")) {
            Response anonymous = send(null, "GET", path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("/api/plans");
        }
        Response docs = send("cora", "GET", "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/plans/{id}")).isTrue();
    }

    @Test
    void aDistrictKeepsNoMorePlansThanItsQuota() {
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Response created = send("ada", "POST", "/api/plans", draft("0633333"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids[i] = created.header("X-Plan-Id");
        }

        Response refused = send("ada", "POST", "/api/plans", draft("0633333"));

        assertThat(refused.status()).isEqualTo(507);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("quota").asText()).isEqualTo("equityadvisor.quota.plans-per-district");
        assertThat(refused.json().get("detail").asText()).contains("District 0633333 has 3 plans", "plans-per-district=3");
        assertThat(send("ada", "POST", "/api/plans", draft("0655555")).status()).as("another district has its own quota").isEqualTo(201);
        assertThat(send("ada", "DELETE", "/api/plans/" + ids[0], null).status()).isEqualTo(204);
        assertThat(send("ada", "POST", "/api/plans", draft("0633333")).status()).as("a deleted plan makes room").isEqualTo(201);
    }

    @Test
    void aDistrictStoresNoMoreBytesThanItsQuotaCountingEveryVersion() {
        Response created = send("ada", "POST", "/api/plans", draft("0644444"));
        String path = "/api/plans/" + created.header("X-Plan-Id");
        String etag = created.header("ETag");
        long stored = created.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        Response last = created;
        for (int i = 0; i < 200 && last.status() != 507; i++) {
            String body = send("ada", "GET", path, null).body().replaceFirst("\"reflection\" : \"[^\"]*\"", "\"reflection\" : \"Edit " + i + ".\"");
            last = send("ada", "PUT", path, body, "If-Match", etag);
            if (last.status() == 200) {
                etag = last.header("ETag");
                stored += body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }

        assertThat(last.status()).as(last.body()).isEqualTo(507);
        assertThat(last.json().get("quota").asText()).isEqualTo("equityadvisor.quota.bytes-per-district");
        assertThat(last.json().get("detail").asText()).contains("District 0644444 keeps", "quota of 1.0 MiB", "purge=true");
        assertThat(stored).as("bytes kept").isLessThanOrEqualTo(1024 * 1024);
        assertThat(send("ada", "GET", path, null).header("ETag")).as("the refused save changed nothing").isEqualTo(etag);
        assertThat(send("ada", "GET", path + "/versions", null).json().size()).isEqualTo(Integer.parseInt(etag.replace("\"", "")));
    }
}
