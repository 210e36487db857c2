package org.equityadvisor.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds the plans (the H2 files) and the users' password hashes: only the account that runs
 * the server may open it. The folder is kept at 0700, so even a file the database creates later with the
 * usual 0644 cannot be reached by anyone else; the files found in it are set to 0600 as well. On a file
 * system without POSIX permissions (Windows) the folder's own access rules apply instead.
 */
final class DataFolder {

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataFolder() {
    }

    /** Creates the folder readable by the owner only, or takes an existing one back to that. */
    static void secure(Path folder) throws IOException {
        if (!POSIX) {
            Files.createDirectories(folder);
            return;
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        }
        Files.setPosixFilePermissions(folder, OWNER_FOLDER);
    }

    /** Sets every file under the folder to 0600 (folders to 0700). */
    static void secureFiles(Path folder) throws IOException {
        if (!POSIX || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, OWNER_FOLDER);
                } else if (Files.isRegularFile(p)) {
                    Files.setPosixFilePermissions(p, OWNER_FILE);
                }
            }
        }
    }

    /** Writes a new file that only the owner may read, from its first byte on. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
