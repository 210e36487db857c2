package org.equityadvisor.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds the plans (the H2 files) and the users' password hashes: only the account that runs
 * the server may open them. A folder the server creates is 0700, so even a file the database adds later with
 * the usual 0644 cannot be reached by anyone else; the server's own files in it are set to 0600. A folder
 * that exists already is the operator's: it is not changed, but a warning says when others can open it. On a
 * file system without POSIX permissions (Windows) the folder's own access rules apply instead.
 */
final class DataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataFolder() {
    }

    /** Creates the folder readable by the owner only; warns when an existing one is open to others. */
    static void secure(Path folder) throws IOException {
        if (!POSIX) {
            Files.createDirectories(folder);
        } else if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            Files.setPosixFilePermissions(folder, OWNER_FOLDER);
        } else if (Files.getPosixFilePermissions(folder).stream().anyMatch(OTHERS::contains)) {
            LOG.warn("The data folder {} can be opened by other accounts of this machine: it holds the plans and password hashes (chmod 700 {}).",
                    folder, folder);
        }
    }

    /** Sets the server's own files in the folder (the H2 database's, users.yaml) to 0600. */
    static void secureFiles(Path folder) throws IOException {
        if (!POSIX || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "{equity-advisor.*,users.yaml}")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
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
