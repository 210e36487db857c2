package org.equityadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --scenarios DIR} option: the folder given, else ./scenarios when there is one, else the
 * scenarios bundled in the jar (the bundled rule set's own test suite), unpacked to a temporary folder.
 */
final class ScenariosOption {

    static final Path DEFAULT = Path.of("scenarios");
    private static final String BUNDLED = "/equity-advisor/scenarios.zip";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "the scenarios folder (default: ./scenarios if present, else those bundled in the jar)")
    Path scenarios;

    Path folder() {
        if (scenarios != null) {
            return scenarios;
        }
        if (Files.isDirectory(DEFAULT)) {
            return DEFAULT;
        }
        try (InputStream zip = ScenariosOption.class.getResourceAsStream(BUNDLED)) {
            if (zip == null) {
                throw new InputException("--scenarios", new Problem(DEFAULT.toString(), "there is no scenarios folder here; pass --scenarios DIR"));
            }
            Path dir = unzip(zip);
            command.commandLine().getErr().println("Using the scenarios bundled with the jar; pass --scenarios DIR to use others.");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled scenarios", e);
        }
    }

    private static Path unzip(InputStream zip) throws IOException {
        Path dir = Files.createTempDirectory("equity-advisor-scenarios");
        dir.toFile().deleteOnExit();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = dir.resolve(entry.getName()).normalize();
                // The archive is our own, but a path leaving the folder is never followed.
                if (entry.isDirectory() || !file.startsWith(dir) || file.getParent() == null || !file.getParent().equals(dir)) {
                    continue;
                }
                Files.copy(in, file);
                file.toFile().deleteOnExit();
            }
        }
        return dir;
    }
}
