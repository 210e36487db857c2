package org.equityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * A request written byte for byte over a socket bound to {@code from} (any address in 127.0.0.0/8, so a
     * test can be a client of its own), with {@code Connection: close}; the answer is read to its end.
     * {@code head} is the request line and headers without the blank line that ends them.
     */
    Response raw(String from, String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP Basic credentials for a header. */
    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            StringBuilder joined = new StringBuilder();
            for (int at = 0; ; ) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                java.net.http.HttpHeaders.of(headers, (name, value) -> true));
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
