package org.equityadvisor.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.equityadvisor.model.Problem;

/**
 * The files of a rule set folder, by relative path ('/'-separated, sorted), and their content hash.
 * Dotfiles and Markdown are documentation or editor litter, not rules, and are neither read nor hashed.
 */
record RuleFiles(String origin, SortedMap<String, byte[]> files) {

    RuleFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    static RuleFiles read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(dir.toString(), List.of(new Problem(dir.toString(), "is not a folder of rules")));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (counts(relative)) {
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + dir, e);
        }
        return new RuleFiles(dir.toString(), files);
    }

    /** The files of a zip archive (the rule set bundled in the jar); the same paths and hash as the folder it was made from. */
    static RuleFiles unzip(String origin, InputStream zip) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String relative = entry.getName().replace('\\', '/');
                if (!entry.isDirectory() && counts(relative)) {
                    files.put(relative, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + origin, e);
        }
        return new RuleFiles(origin, files);
    }

    static boolean counts(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return false;
            }
        }
        return !relative.endsWith(".md");
    }

    String text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** "sha256:" + hex of sha256 over (path, NUL, length, NUL, bytes) of each file in path order. */
    String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** These files and one more (a generated one): what is compiled, while the hash stays that of the files themselves. */
    RuleFiles with(String path, String text) {
        SortedMap<String, byte[]> more = new TreeMap<>(files);
        more.put(path, text.getBytes(StandardCharsets.UTF_8));
        return new RuleFiles(origin, more);
    }

    /** These files but those under a folder ("i18n/"). */
    RuleFiles withoutFolder(String folder) {
        SortedMap<String, byte[]> fewer = new TreeMap<>(files);
        fewer.keySet().removeIf(p -> p.startsWith(folder));
        return new RuleFiles(origin, fewer);
    }

    /** These files but one. */
    RuleFiles without(String path) {
        SortedMap<String, byte[]> fewer = new TreeMap<>(files);
        fewer.remove(path);
        return new RuleFiles(origin, fewer);
    }

    List<String> paths(String suffix) {
        return files.keySet().stream().filter(p -> p.endsWith(suffix)).toList();
    }
}
