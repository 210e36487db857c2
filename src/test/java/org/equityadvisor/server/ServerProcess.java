package org.equityadvisor.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as an operator runs it: {@code equity-advisor serve} in a JVM of its own, from the tests' class
 * path, on a random loopback port, with its data (the H2 files) in a folder the test gives. It can be killed
 * (SIGKILL, as a crash would) or stopped (SIGTERM, as a service manager does).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server on {@code data} with the test users; {@code springArgs} set properties. Returns once it listens. */
    static ServerProcess start(Path data, String... springArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xshare:auto",
                "-Dequityadvisor.cache=" + System.getProperty("equityadvisor.cache", "target/compiled-rules"),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.equityadvisor.cli.Main", "serve", "--rules", "rules", "--scenarios", "", "--no-watch", "--port", "0",
                "--data", data.toString(), "--users", "src/test/resources/server/users.yaml", "--equityadvisor.allow-noop-passwords=true"));
        command.addAll(List.of(springArgs));
        Files.createDirectories(data.getParent());
        Path log = Files.createTempFile(data.getParent(), "server", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the server stopped before it listened"));
        }, "server-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(process, port.get(120, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the server did not start: " + Files.readString(log), e);
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL, as a crash or the kernel's out-of-memory killer would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed server is still running");
        }
    }

    /** SIGTERM, as systemd or Ctrl-C would; returns at once. */
    void terminate() {
        process.destroy();
    }

    Process process() {
        return process;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
