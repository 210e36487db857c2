package org.equityadvisor.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public files beside the project ({@code ../shared/data/}): the ACS table and the Illinois 2020-21
 * report. Tests that need one are skipped, with the reason printed, where the folder is absent (a clean clone).
 */
public final class RealData {

    public static final Path FOLDER = Path.of("../shared/data");
    public static final String ACS = "acs_household_conditions_by_district_2014_2018.csv";
    public static final String ILLINOIS = "illinois_district_home_connectivity_2020_21.csv";

    private RealData() {
    }

    /** The file, or the test is skipped (and says why on the console). */
    public static Path file(String name) {
        Path file = FOLDER.resolve(name);
        if (!Files.isRegularFile(file)) {
            String reason = "skipped: the real data file " + file + " is not here (it sits beside the project, not in it)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return file;
    }
}
