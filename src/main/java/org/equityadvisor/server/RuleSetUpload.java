package org.equityadvisor.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.scenario.DiffReport;
import org.equityadvisor.scenario.RuleSetDiff;
import org.equityadvisor.scenario.ScenarioSuite;
import org.equityadvisor.scenario.SuiteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A rule set a coach uploads as a zip, before it serves: unpacked into a folder of its own (refusing any
 * entry that would land outside it, any kind of file a rule set does not have, and archives too large or
 * with too many entries), then checked (the checker and the bytecode check: nothing of it runs before both
 * pass), tested (the server's scenarios and the cases generated from its trigger table) and compared with the
 * set in service, as {@code rules check}, {@code rules test} and {@code rules diff} do, through the same
 * facades. The coach page and the API both use this; a reviewed set is put into service by
 * {@link RuleSets#install}, the same reload as the reload button.
 */
@Component
public class RuleSetUpload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetUpload.class);

    /** Caps on what one archive may unpack to: the shipped set has 16 files and about 200 KB. */
    public static final int MAX_ENTRIES = 500;
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;
    /** The kinds of file a rule set has: rules, tables, the catalog and framework, and its notes. */
    public static final List<String> KINDS = List.of(".drl", ".yaml", ".yml", ".csv", ".md");
    /**
     * The property naming the public districts an upload's diff also compares over: "all", a state's code or name,
     * or unset for none. Unset by default: all 13,000 districts take 30 to 45 s on two cores, too long to wait for a page.
     */
    public static final String PUBLIC_PROPERTY = "equityadvisor.coach.diff-public";
    /** How many reviewed uploads wait for "Put into service" at once; older ones are deleted. */
    private static final int KEPT = 8;

    /**
     * What a review found.
     *
     * @param id           the key to put this reviewed set into service with
     * @param hash         the uploaded set's hash, or null when it could not be read
     * @param problems     the check's problems, each with its file and line; empty when the check passed
     * @param suite        the scenarios' and generated cases' results, or null when the check failed or the server has no scenarios
     * @param diff         the uploaded set's advice against the set in service, or null when the check failed
     * @param scenarios    the scenarios folder the test and the diff ran over, or null when the server has none
     * @param publicState  the public districts the diff also compared over ("all", a state), or null for none
     * @param took         the time to check, test and compare
     */
    public record Review(String id, String fileName, String hash, Counts counts, List<Problem> problems, SuiteResult suite, DiffReport diff,
            String scenarios, String publicState, Duration took) {

        public Review {
            problems = List.copyOf(problems);
        }

        /** What the diff compared over, in words. */
        public List<String> comparedOver() {
            List<String> out = new ArrayList<>();
            if (diff == null) {
                return out;
            }
            if (scenarios != null) {
                out.add("the scenarios in " + scenarios);
            }
            out.add(publicState == null ? "not the public districts (" + PUBLIC_PROPERTY + " is not set)"
                    : "all".equalsIgnoreCase(publicState) ? "the public districts of every state" : "the public districts of " + publicState);
            return out;
        }

        public boolean checked() {
            return hash != null && problems.isEmpty();
        }

        /** True when every scenario and generated case passed, and there was at least one scenario. */
        public boolean tested() {
            return suite != null && suite.failed() == 0 && !suite.results().isEmpty();
        }

        /** Only a set that passes its check and its tests may be put into service. */
        public boolean servable() {
            return checked() && tested();
        }

        public long failedCases() {
            return suite == null ? 0 : suite.generated().stream().filter(r -> !r.passed()).count();
        }
    }

    /** How much a rule set holds. */
    public record Counts(int rules, int indicators, int metrics, int goals, int actions, int partners, int triggers) {
        static Counts of(KnowledgeBase kb) {
            return new Counts(kb.rules().size(), kb.indicators().size(), kb.metrics().size(), kb.goals().size(), kb.actions().size(),
                    kb.partners().size(), kb.triggers().size());
        }
    }

    private record Kept(Path folder, Review review) {
    }

    private final RuleSets ruleSets;
    private final String publicState;
    private final Path workspace;
    private final Map<String, Kept> kept = new LinkedHashMap<>();

    /**
     * @param publicState the public districts the diff also compares over: "all", a state, or blank for none
     *                    (equityadvisor.coach.diff-public)
     */
    public RuleSetUpload(RuleSets ruleSets, @Value("${" + PUBLIC_PROPERTY + ":}") String publicState) {
        this.ruleSets = ruleSets;
        this.publicState = publicState == null || publicState.isBlank() ? null : publicState;
        try {
            this.workspace = Files.createTempDirectory("equity-advisor-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for uploaded rule sets", e);
        }
    }

    /**
     * Unpacks, checks, tests and compares an uploaded rule set.
     *
     * @throws InputException naming the archive's entry when the archive is refused (nothing of it was kept)
     */
    public Review review(String fileName, InputStream zip) {
        String name = fileName == null || fileName.isBlank() ? "upload.zip" : Path.of(fileName).getFileName().toString();
        String id = UUID.randomUUID().toString();
        Path folder = workspace.resolve(id);
        try {
            unpack(name, zip, folder);
        } catch (RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
        Review review = review(id, name, folder);
        synchronized (kept) {
            kept.put(id, new Kept(folder, review));
            while (kept.size() > KEPT) {
                String oldest = kept.keySet().iterator().next();
                deleteQuietly(kept.remove(oldest).folder());
            }
        }
        return review;
    }

    private Review review(String id, String name, Path folder) {
        long start = System.nanoTime();
        KnowledgeBase kb;
        try {
            // Reading checks every file and the bytecode of every rule before anything of the set runs.
            kb = KnowledgeBase.load(folder);
        } catch (RuleSetException e) {
            return new Review(id, name, null, null, relative(e.problems(), folder, name), null, null, null, null,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Path scenarios = ruleSets.scenarios().orElse(null);
        SuiteResult suite = scenarios == null ? null : ScenarioSuite.load(scenarios, kb).run(new Advisor(kb));
        DiffReport d = RuleSetDiff.compare(ruleSets.active().kb(), kb, RuleSetDiff.Districts.of(scenarios, null, publicState));
        // The coach knows the set by the file uploaded, not by the server's temporary folder.
        DiffReport diff = new DiffReport(d.before(), d.beforeOrigin(), d.after(), name + " (uploaded)", d.compared(), d.changed(), d.outcomeChanges(),
                d.skipped());
        return new Review(id, name, kb.hash(), Counts.of(kb), List.of(), suite, diff, scenarios == null ? null : scenarios.toString(), publicState,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The problems' places as the coach knows them: paths inside the archive, not the server's temporary folder. */
    private static List<Problem> relative(List<Problem> problems, Path folder, String name) {
        String prefix = folder.toString() + java.io.File.separator;
        return problems.stream().map(p -> new Problem(p.place() == null ? name : p.place().replace(prefix, name + ":").replace(folder.toString(), name),
                p.message())).toList();
    }

    /** A review still waiting to be put into service. */
    public Optional<Review> find(String id) {
        synchronized (kept) {
            return Optional.ofNullable(kept.get(id)).map(Kept::review);
        }
    }

    /**
     * Puts a reviewed set into service, if it passed its check and tests.
     *
     * @throws IllegalStateException when the server serves the bundled rules
     * @throws IllegalArgumentException when the id is unknown (expired) or the set did not pass
     */
    public RuleSets.Attempt install(String id) {
        Kept k;
        synchronized (kept) {
            k = kept.get(id);
        }
        if (k == null) {
            throw new IllegalArgumentException("this upload is no longer kept (the server keeps the last " + KEPT + "): upload it again");
        }
        if (!k.review().servable()) {
            throw new IllegalArgumentException(k.review().fileName() + " did not pass its check and tests, so it cannot be put into service");
        }
        RuleSets.Attempt attempt = ruleSets.install(k.folder());
        if (attempt.swapped()) {
            synchronized (kept) {
                deleteQuietly(kept.remove(id).folder());
            }
        }
        return attempt;
    }

    // ---- the archive -------------------------------------------------------------------------------------

    /**
     * Unpacks a zip into {@code into}, refusing it whole at the first entry that would land outside it,
     * exceed a cap, or is not a kind of file a rule set has. When every entry sits in one top folder
     * (a zipped "rules" folder), that folder is the rule set.
     */
    static void unpack(String name, InputStream zip, Path into) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        List<Problem> problems = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = entry.getName().replace('\\', '/');
                if (++entries > MAX_ENTRIES) {
                    throw refused(name, path, "is one entry too many: a rule set archive holds at most " + MAX_ENTRIES + " entries");
                }
                if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || Stream.of(path.split("/")).anyMatch(".."::equals)) {
                    throw refused(name, path, "would be unpacked outside the rule set's folder (an absolute path or '..'): the archive is refused");
                }
                if (entry.isDirectory() || litter(path)) {
                    continue;
                }
                String kind = KINDS.stream().filter(k -> path.toLowerCase(Locale.ROOT).endsWith(k)).findFirst().orElse(null);
                if (kind == null) {
                    problems.add(new Problem(name + ":" + path, "is not a kind of file a rule set has (" + String.join(", ", KINDS) + ")"));
                    continue;
                }
                byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw refused(name, path, "unpacks to more than " + Limits.show(MAX_FILE_BYTES) + ", the most one file of a rule set may hold");
                }
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw refused(name, path, "takes the archive past " + Limits.show(MAX_TOTAL_BYTES) + " unpacked, the most a rule set may hold");
                }
                files.put(path, bytes);
            }
        } catch (IOException e) {
            throw new InputException(name, new Problem(name, "is not a readable zip archive: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        if (files.isEmpty()) {
            throw new InputException(name, new Problem(name, "holds no rule set files (" + String.join(", ", KINDS) + ")"));
        }
        String top = commonTop(files.keySet());
        try {
            Files.createDirectories(into);
            Path root = into.toAbsolutePath().normalize();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = root.resolve(f.getKey().substring(top.length())).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw refused(name, f.getKey(), "would be unpacked outside the rule set's folder: the archive is refused");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + name, e);
        }
    }

    private static InputException refused(String name, String entry, String why) {
        return new InputException(name, new Problem(name + ":" + entry, why));
    }

    /** Folders and files archivers add and no rule set means: macOS resource forks, dotfiles. */
    private static boolean litter(String path) {
        return path.startsWith("__MACOSX/") || Stream.of(path.split("/")).anyMatch(p -> p.startsWith("."));
    }

    /** "rules/" when every file sits in that one top folder, else "". */
    private static String commonTop(java.util.Set<String> paths) {
        String top = null;
        for (String p : paths) {
            int slash = p.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String first = p.substring(0, slash + 1);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return "";
            }
        }
        return top == null ? "" : top;
    }

    /**
     * Writes the rule set in service as a zip a coach can start from: the files of the rules folder (or, with the
     * rules bundled in the jar, the archive the build made of the same folder).
     */
    public void download(OutputStream out) throws IOException {
        Optional<Path> folder = ruleSets.folder();
        if (folder.isEmpty()) {
            // The build zips the project's rules/ folder into the jar (KnowledgeBase.BUNDLED): hand that over as it is.
            try (InputStream zip = KnowledgeBase.class.getResourceAsStream("/equity-advisor/rules.zip")) {
                if (zip == null) {
                    throw new IllegalStateException("this build carries no rule set");
                }
                zip.transferTo(out);
            }
            return;
        }
        Path root = folder.get();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(p).toString().replace('\\', '/');
                if (litter(path)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(path));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public void close() {
        deleteQuietly(workspace);
    }
}
