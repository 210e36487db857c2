package org.equityadvisor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options both imports of student-level answers share (survey CSV, Ed-Fi): the mapping and the figures' labels. */
final class ImportOptions {

    @Option(names = "--mapping", paramLabel = "FILE", description = "a mapping file (YAML): which column is which question and which answers mean what (Ed-Fi uses its answers)")
    Path mapping;

    @Option(names = "--enrollment", paramLabel = "N", description = "students enrolled, for coverage (GM-08); default: the --district file's enrollment")
    Integer enrollment;

    @Option(names = "--source", paramLabel = "TEXT", description = "how to name the figures' source in the advice (default: the mapping's, else the file's name)")
    String source;

    @Option(names = "--year", paramLabel = "YYYY", description = "the year the answers were collected")
    Integer year;
}
