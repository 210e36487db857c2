package org.equityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
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

    /** The test user's password: users.yaml has "{name}-pass". */
    String password(String user) {
        return user + "-pass";
    }

    Response send(String user, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
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
     * test can be a client of its own), with {@code Connection: close}; the answer is read as far as its
     * length says (not to the connection's end, which a server may hold open to drain an unread body).
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
            return read(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP Basic credentials for a header. */
    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Response read(DataInputStream in) throws IOException {
        String status = line(in);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip(), k -> new ArrayList<>()).add(header.substring(colon + 1).strip());
        }
        byte[] body;
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                joined.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = joined.toByteArray();
        } else if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length").get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8),
                java.net.http.HttpHeaders.of(headers, (name, value) -> true));
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the answer ended early: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
