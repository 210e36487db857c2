package org.equityadvisor.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.imports.SimilarDistricts;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.scenario.ScenarioSuite;
import org.equityadvisor.scenario.SuiteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set the server answers with, and its hot reload. A change to {@code rules/} builds a new
 * knowledge base off to the side, checks it, runs the scenarios against it, and swaps it in only when all
 * pass; otherwise the old one keeps serving and the status shows why. Requests in flight keep the advisor
 * they started with: the swap is one atomic reference. Without a folder the server answers with the rule set
 * bundled in the jar, which cannot change while it runs: a reload rebuilds it and says so.
 */
public final class RuleSets implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);
    /** What {@code serve} shows on stderr while it starts (logback.xml prints this logger's INFO lines bare). */
    static final Logger PROGRESS = LoggerFactory.getLogger("org.equityadvisor.progress");
    /** Editors save in bursts (temp file, rename, chmod): wait for this much quiet before rebuilding. */
    private static final long DEBOUNCE_MS = 400;

    /**
     * The rule set serving now.
     *
     * @param scenarios the scenarios' outcome in words ("24 passed, 0 failed")
     * @param suite     every scenario's and generated case's result with the coverage, or null when there was no scenarios folder
     */
    public record Active(KnowledgeBase kb, Advisor advisor, Instant loadedAt, String scenarios, SuiteResult suite) {
    }

    /** The last attempt to load, good or not. */
    public record Attempt(Instant at, boolean swapped, String hash, List<Problem> errors) {
    }

    private final Path rules;
    private final Path scenarios;
    private final AtomicReference<Active> active = new AtomicReference<>();
    private final AtomicReference<Attempt> last = new AtomicReference<>();
    private final Object reloading = new Object();
    private volatile WatchService watcher;

    /**
     * @param rules the folder to serve and watch, or null for the rule set bundled in the jar
     * @param scenarios the scenarios a changed rule set must pass, or null for none
     */
    public RuleSets(Path rules, Path scenarios) {
        this.rules = rules;
        this.scenarios = scenarios;
        Attempt first = reload();
        if (!first.swapped()) {
            throw new RuleSetException(origin(), first.errors());
        }
    }

    public Active active() {
        return active.get();
    }

    public Attempt lastAttempt() {
        return last.get();
    }

    /** The folder served, or empty when the bundled rule set is. */
    public java.util.Optional<Path> folder() {
        return java.util.Optional.ofNullable(rules);
    }

    /** The scenarios a rule set must pass before it serves, or empty when the server has none. */
    public java.util.Optional<Path> scenarios() {
        return java.util.Optional.ofNullable(scenarios);
    }

    /** Where the set that served before the last {@link #install} waits for a rollback: beside the rules folder. */
    public java.util.Optional<Path> previous() {
        if (rules == null) {
            return java.util.Optional.empty();
        }
        Path previous = sibling("previous");
        return Files.isDirectory(previous) ? java.util.Optional.of(previous) : java.util.Optional.empty();
    }

    /**
     * Puts the rule set in {@code candidate} into service: copies it beside the rules folder, moves the
     * folder aside as {@code <rules>.previous} (for a rollback), moves the copy into its place and reloads, as
     * the reload button does. When the reload refuses it, the folder is put back as it was: a broken set never
     * replaces a working one, on disk or in memory. Each move is a rename within one folder, so a reader sees
     * the old set or the new one, never half of each.
     *
     * @throws IllegalStateException when the server answers with the rule set bundled in the jar
     */
    public Attempt install(Path candidate) {
        if (rules == null) {
            throw new IllegalStateException("the server answers with " + origin() + ", which cannot change while it runs");
        }
        synchronized (reloading) {
            Path folder = rules.toAbsolutePath().normalize();
            Path incoming = sibling("incoming");
            Path previous = sibling("previous");
            Path older = sibling("previous-before");
            try {
                delete(incoming);
                copy(candidate, incoming);
                delete(older);
                if (Files.exists(previous)) {
                    Files.move(previous, older, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(folder, previous, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.move(incoming, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Whatever step failed, the folder in service must be where it was.
                try {
                    if (!Files.exists(folder) && Files.isDirectory(previous)) {
                        Files.move(previous, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        if (Files.exists(older)) {
                            Files.move(older, previous, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                    delete(incoming);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw new java.io.UncheckedIOException("cannot put the rule set into " + folder + ": " + e.getMessage(), e);
            }
            Attempt attempt = reload();
            try {
                if (attempt.swapped()) {
                    delete(older);
                } else {
                    Path refused = sibling("refused");
                    delete(refused);
                    Files.move(folder, refused, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Files.move(previous, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    if (Files.exists(older)) {
                        Files.move(older, previous, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot tidy " + folder + " after the reload", e);
            }
            rewatch();
            LOG.info("Rule set {} put into service from {}: {}", attempt.hash(), candidate, attempt.swapped() ? "accepted" : "refused");
            return attempt;
        }
    }

    /** Puts the set that served before the last {@link #install} back into service (the one it replaced becomes the previous). */
    public Attempt rollback() {
        Path previous = previous().orElseThrow(() -> new IllegalStateException("there is no previous rule set beside " + origin()));
        return install(previous);
    }

    private Path sibling(String suffix) {
        Path folder = rules.toAbsolutePath().normalize();
        return folder.resolveSibling(folder.getFileName() + "." + suffix);
    }

    /** After the folder was moved, the watch keys follow the old folder: watch the new one instead. */
    private void rewatch() {
        WatchService old = watcher;
        if (old != null) {
            try {
                old.close();
            } catch (IOException e) {
                LOG.warn("Could not stop watching the old rules folder: {}", e.getMessage());
            }
            watch();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Where the rules come from, for people: the folder, or "the rules bundled with equity-advisor 1.2". */
    public String origin() {
        return rules == null ? "the rules bundled with equity-advisor " + KnowledgeBase.version() : rules.toString();
    }

    /** Builds, checks and tests the rule set on disk; swaps it in only when all of that passes. */
    public Attempt reload() {
        synchronized (reloading) {
            Attempt attempt;
            long started = System.nanoTime();
            try {
                PROGRESS.info("Building the rule set from {} (compiled once per change, then cached) ...", origin());
                KnowledgeBase kb = rules == null ? KnowledgeBase.loadBundled() : KnowledgeBase.load(rules);
                Advisor advisor = new Advisor(kb);
                String tested = "no scenarios folder: not tested";
                SuiteResult suite = null;
                List<Problem> failures = List.of();
                if (scenarios != null && Files.isDirectory(scenarios)) {
                    SuiteResult result = ScenarioSuite.load(scenarios, kb).run(advisor);
                    suite = result;
                    // The trigger table's generated cases count too: a row whose rule misbehaves blocks the reload.
                    failures = java.util.stream.Stream.concat(result.results().stream(), result.generated().stream()).filter(r -> !r.passed())
                            .flatMap(r -> r.failures().stream().map(f -> new Problem(r.scenario().file().toString(), f))).toList();
                    tested = result.passed() + " passed, " + result.failed() + " failed";
                }
                PROGRESS.info("Rule set {} built in {} ms; scenarios: {}", kb.hash(), (System.nanoTime() - started) / 1_000_000, tested);
                if (failures.isEmpty()) {
                    Active previous = active.get();
                    if (previous == null || !previous.kb().hash().equals(kb.hash())) {
                        // Scenarios are tested without peers (their expectations come from the sources alone); districts
                        // asking for advice are compared with similar districts of the public figures.
                        active.set(new Active(kb, advisor.withPeers(SimilarDistricts.bundled()::compare), Instant.now(), tested, suite));
                    }
                    attempt = new Attempt(Instant.now(), true, kb.hash(), List.of());
                } else {
                    attempt = new Attempt(Instant.now(), false, kb.hash(), failures);
                }
            } catch (RuleSetException e) {
                attempt = new Attempt(Instant.now(), false, null, e.problems());
            } catch (RuntimeException e) {
                attempt = new Attempt(Instant.now(), false, null, List.of(new Problem(origin(), "could not be loaded: " + e)));
            }
            last.set(attempt);
            if (!attempt.swapped()) {
                LOG.warn("Rule set in {} refused; still serving {}: {}", origin(), active.get() == null ? "nothing" : active.get().kb().hash(),
                        attempt.errors());
            }
            return attempt;
        }
    }

    /** Starts watching the folder (and its subfolders) for changes, on a daemon thread. */
    public void watch() {
        if (rules == null) {
            return; // the bundled rule set is inside the jar: nothing to watch
        }
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            try (Stream<Path> dirs = Files.walk(rules)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
            watcher = service;
        } catch (IOException e) {
            LOG.warn("Cannot watch {} for changes ({}); use POST /api/rules/reload", rules, e.getMessage());
            return;
        }
        Thread thread = new Thread(this::watchLoop, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watchLoop() {
        WatchService service = watcher;
        try {
            while (true) {
                WatchKey key = service.take();
                drain(key);
                // Debounce: keep collecting until the folder has been quiet for a moment.
                WatchKey more;
                while ((more = service.poll(DEBOUNCE_MS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
