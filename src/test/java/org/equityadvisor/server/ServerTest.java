package org.equityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the server tests share: a real server on a random loopback port, the test users, and a client that
 * speaks to it as a user would.
 */
abstract class ServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** The assessment of a scenario file as a JSON request body, with the district id the test users know. */
    static String assessment(String scenario, String districtId) {
        try {
            ObjectNode doc = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("scenarios", scenario)));
            doc.remove("name");
            doc.remove("description");
            doc.remove("expect");
            ((ObjectNode) doc.get("district")).put("id", districtId);
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String riverbend() {
        return assessment("riverbend-rural-high-poverty.yaml", "0612345");
    }

    Response send(String user, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Riverbend plan drafted by the leader; returns its id. */
    String newPlan() {
        Response created = send("lee", "POST", "/api/plans", "{\"assessment\": " + riverbend() + ", \"top\": 3}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.header("X-Plan-Id");
    }
}
