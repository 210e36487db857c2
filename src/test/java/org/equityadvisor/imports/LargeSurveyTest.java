package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million-row survey imported in a JVM whose heap is capped at 128 MB: were rows kept, the import would
 * run out of memory (a million rows of eleven cells is well over a gigabyte as strings). The child JVM
 * generates the rows as it reads them, so nothing is written to disk.
 */
class LargeSurveyTest {

    static final int ROWS = 1_000_000;

    @Test
    void importsAMillionRowsInA128MegabyteHeapWithTheFiguresWorkedOutByHand() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeSurveyTest.class.getName()).redirectErrorStream(true).start();
        String out;
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the import finishes").isTrue();
        } finally {
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.destroyForcibly();
        }
        System.out.println(out);
        assertThat(child.exitValue()).as(out).isZero();
        // Rows i % 10 == 0 are offline for cost (smartphone), i % 10 == 1 offline where nothing is available (no device);
        // every 100,000th row (i % 100,000 == 99,999) says "Maybe" and is skipped: 10 rows, all at school S49 (i % 50).
        // School Sk holds the rows with i % 50 == k: offline only where k % 10 is 0 or 1.
        assertThat(out).contains("read=1000000 used=999990 skipped=10 problems=10",
                "GM-01=20 n=999990", "GM-04a=50 n=200000", "GM-04b=50 n=200000", "GM-05=20 n=999990",
                "GM-01/low-income=100 n=200000",
                "GM-01/school:S07=0 n=20000", "GM-01/school:S10=100 n=20000", "GM-01/school:S49=0 n=19990", "groups=55");
    }

    /** The child: imports the generated survey and prints its figures, speed and peak heap. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        ImportReport r = SurveyImport.standard().read("generated.csv", new Generated(ROWS), null);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "read=%d used=%d skipped=%d problems=%d%n", r.rowsRead(), r.rowsUsed(), r.rowsSkipped(), r.problemCount());
        r.measures().forEach(m -> System.out.printf(Locale.ROOT, "%s%s=%s n=%d%n", m.metric(), m.wholeDistrict() ? "" : "/" + m.group(),
                AssessmentWriter.number(m.value()), m.n()));
        System.out.printf(Locale.ROOT, "groups=%d%n", r.measures().stream().map(m -> m.group()).distinct().count());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%,d rows in %.2f s: %,.0f rows/s; peak heap %.1f MB of %.0f MB allowed%n", ROWS, seconds, ROWS / seconds, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** A survey CSV written as it is read: a header, then rows in a fixed pattern. */
    static final class Generated extends Reader {
        private final int rows;
        private int next = -1;
        private String line = "";
        private int at;

        Generated(int rows) {
            this.rows = rows;
        }

        static String row(int i) {
            String school = String.format(Locale.ROOT, "S%02d", i % 50);
            if (i % 100_000 == 99_999) {
                return "Maybe,,Residential Broadband,Yes,Laptop Computer,School,Not Shared,N,N,White," + school + "\n";
            }
            return switch (i % 10) {
                case 0 -> "No - Not Affordable,,None,,Smartphone,Personal,Shared,Y,N,Hispanic or Latino," + school + "\n";
                case 1 -> "No,Not Available,None,,None,,,Y,Y,White," + school + "\n";
                default -> "Yes,,Residential Broadband,Yes,Laptop Computer,School,Not Shared,N,N,White," + school + "\n";
            };
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int written = 0;
            while (written < length) {
                if (at == line.length()) {
                    if (next >= rows) {
                        break;
                    }
                    line = next < 0 ? SurveyImportTest.HEADER : row(next);
                    next++;
                    at = 0;
                }
                int n = Math.min(length - written, line.length() - at);
                line.getChars(at, at + n, buffer, offset + written);
                at += n;
                written += n;
            }
            return written == 0 ? -1 : written;
        }

        @Override
        public void close() {
        }
    }
}
