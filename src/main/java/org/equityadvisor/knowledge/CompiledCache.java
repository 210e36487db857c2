package org.equityadvisor.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;

/**
 * Compiled rule sets on disk, so a command does not compile the same rules again. An entry is keyed on the
 * rule set's content hash together with the versions of this program, Drools and Java: any change to one
 * of them means a new compile. A missing, unreadable or stale entry is simply compiled again; the cache
 * never decides whether rules are valid (the checker always runs).
 */
final class CompiledCache {

    /** System property (or EQUITY_ADVISOR_CACHE) naming the folder; "off" disables the cache. */
    static final String PROPERTY = "equityadvisor.cache";

    private final Path dir;

    private CompiledCache(Path dir) {
        this.dir = dir;
    }

    static CompiledCache off() {
        return new CompiledCache(null);
    }

    static CompiledCache at(Path dir) {
        return new CompiledCache(dir);
    }

    /** The folder from the system property, the environment, or ~/.cache/equity-advisor. */
    static CompiledCache fromEnvironment() {
        String configured = System.getProperty(PROPERTY, System.getenv("EQUITY_ADVISOR_CACHE"));
        if ("off".equals(configured)) {
            return off();
        }
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("equity-advisor").resolve("compiled"));
    }

    private Path entry(String hash) {
        String version = KnowledgeBase.class.getPackage().getImplementationVersion();
        String key = hash + "|" + (version == null ? "dev" : version) + "|" + KieServices.class.getPackage().getImplementationVersion()
                + "|" + Runtime.version();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + ".kjar");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    KieBase load(String hash, ReleaseId release) {
        if (dir == null) {
            return null;
        }
        Path file = entry(hash);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        KieServices ks = KieServices.Factory.get();
        try {
            ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(Files.readAllBytes(file)));
            return ks.newKieContainer(release).getKieBase();
        } catch (IOException | RuntimeException e) {
            // A damaged entry must never stop the advisor: compile instead.
            return null;
        } finally {
            // The KieBase stands on its own; a server that reloads many rule sets must not keep every module.
            ks.getRepository().removeKieModule(release);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // nothing more to do
        }
    }

    void store(String hash, KieModule module) {
        if (dir == null || !(module instanceof InternalKieModule internal)) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "kjar", ".tmp");
            Files.write(tmp, internal.getBytes());
            // Written aside and moved in one step, so a parallel reader never sees half an entry.
            Files.move(tmp, entry(hash), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The cache only saves time; a read-only home or full disk costs a compile next time, nothing more.
            deleteQuietly(tmp);
        }
    }
}
