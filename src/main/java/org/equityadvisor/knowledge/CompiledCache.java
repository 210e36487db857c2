package org.equityadvisor.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.equityadvisor.model.Problem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;

/**
 * Compiled rule sets on disk, so a command does not compile the same rules again. An entry is keyed on the
 * rule set's content hash together with the versions of this program, Drools and Java: any change to one
 * of them means a new compile. A missing, unreadable or stale entry is simply compiled again; the cache
 * never decides whether rules are valid (the checker always runs), and an entry is used only after its
 * classes pass the same bytecode check as a fresh compile.
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

    /**
     * The compiled rules of an earlier run, or null when there is no usable entry. An entry is used only when
     * it carries exactly these DRL files and its classes pass {@code verify} (the same bytecode check as a
     * fresh compile); an entry that fails, or that others than its owner may write, is set aside and the
     * rules are compiled again - what runs is always what the reported hash names, checked.
     */
    KieBase load(String hash, ReleaseId release, Function<Map<String, byte[]>, List<Problem>> verify, RuleFiles files) {
        if (dir == null) {
            return null;
        }
        Path file = entry(hash);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        KieServices ks = KieServices.Factory.get();
        try {
            if (!private_(file)) {
                return null;
            }
            byte[] kjar = Files.readAllBytes(file);
            if (!matches(kjar, files, verify)) {
                deleteQuietly(file);
                return null;
            }
            ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
            return ks.newKieContainer(release).getKieBase();
        } catch (IOException | RuntimeException e) {
            // A damaged entry must never stop the advisor: compile instead.
            return null;
        } finally {
            // The KieBase stands on its own; a server that reloads many rule sets must not keep every module.
            ks.getRepository().removeKieModule(release);
        }
    }

    /** Only the entry's owner may have written it: a file others can write may have been planted. */
    private static boolean private_(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE)
                    && Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(file.getParent()));
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    /** The entry carries exactly the rule set's DRL files, and its classes pass the bytecode check. */
    private static boolean matches(byte[] kjar, RuleFiles files, Function<Map<String, byte[]>, List<Problem>> verify) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, byte[]> drls = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()), zip.readAllBytes());
                } else if (name.endsWith(".drl")) {
                    drls.put(name, zip.readAllBytes());
                }
            }
        }
        if (!drls.keySet().equals(new TreeSet<>(files.paths(".drl")))) {
            return false;
        }
        for (Map.Entry<String, byte[]> drl : drls.entrySet()) {
            if (!Arrays.equals(drl.getValue(), files.files().get(drl.getKey()))) {
                return false;
            }
        }
        return verify.apply(classes).isEmpty();
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
            if (!Files.isDirectory(dir)) {
                // Owner only: nobody else can plant an entry.
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
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
