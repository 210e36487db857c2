package org.equityadvisor.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;

/**
 * How varied the advice is over many districts of the public figures: whether it follows each district's
 * figures or says the same to everyone. The figures of issue 10: distinct actions and goals suggested,
 * districts tied at the top score, the rank correlation of the connectivity goal's score with the
 * home-internet figure, words and lines of text per district, plausibility warnings by kind, and how many
 * different teams districts of different size are given.
 *
 * <pre>{@code
 * Spread.Figures f = Spread.measure(new Advisor(kb), PublicFigures.bundled().districts(), 2);
 * }</pre>
 */
public final class Spread {

    /** The goal whose score is compared with the home-internet figure. */
    static final String CONNECT = "G-CONNECT";
    static final String HOME_INTERNET = "GM-01";

    private Spread() {
    }

    /** What one district's advice contributes; small, so 13,313 of them stay in memory. */
    record Row(String key, int children, double homeInternet, double connectScore, double topScore, boolean topTwoTie, Set<String> actions,
            Set<String> goals, int words, int lines, int widest, Map<String, Integer> warnings, String team) {
    }

    /**
     * The figures over a set of districts.
     *
     * @param rankCorrelation Spearman's rho between the connectivity goal's score (0 where it is not suggested)
     *                        and the home-internet figure
     * @param teamClashes     team lists (the teams of all of a district's steps) given byte-identical to two districts at
     *                        least ten times apart in size
     * @param teamClashes100  the same for districts at least a hundred times apart
     */
    public record Figures(int advised, int rejected, int distinctActions, int distinctGoals, int atTopScore, double topScore, int topTwoTies,
            double rankCorrelation, int medianWords, int maxWords, int medianLines, int maxLines, int widestLine, Map<String, Integer> warnings,
            int distinctTeams, int teamClashes, int teamClashes100, double seconds) {

        /** The figures as a small table, one per line. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "districts advised                    %,d (%,d rejected)", advised, rejected));
            out.add(String.format(Locale.ROOT, "distinct actions suggested           %d", distinctActions));
            out.add(String.format(Locale.ROOT, "distinct goals suggested             %d", distinctGoals));
            out.add(String.format(Locale.ROOT, "districts at the top score (%.3f)    %,d (%.1f%%)", topScore, atTopScore, 100.0 * atTopScore / Math.max(1, advised)));
            out.add(String.format(Locale.ROOT, "goals 1 and 2 tied on score          %,d (%.1f%%)", topTwoTies, 100.0 * topTwoTies / Math.max(1, advised)));
            out.add(String.format(Locale.ROOT, "rank correlation, %s score vs %s   %.3f", CONNECT, HOME_INTERNET, rankCorrelation));
            out.add(String.format(Locale.ROOT, "words of text per district           median %d, max %d", medianWords, maxWords));
            out.add(String.format(Locale.ROOT, "lines of text per district           median %d, max %d (widest %d columns)", medianLines, maxLines, widestLine));
            out.add(String.format(Locale.ROOT, "distinct teams (all actions)         %,d; the same for sizes 10x apart: %,d, 100x apart: %,d", distinctTeams,
                    teamClashes, teamClashes100));
            if (warnings.isEmpty()) {
                out.add("plausibility warnings                none");
            } else {
                warnings.forEach((kind, count) -> out.add(String.format(Locale.ROOT, "plausibility warnings %-14s %,d", kind, count)));
            }
            out.add(String.format(Locale.ROOT, "time                                 %.1f s, %,.0f advices/s", seconds, advised / Math.max(1e-9, seconds)));
            return out;
        }
    }

    /** Advises every district on {@code threads} threads and measures the spread of the advice. */
    public static Figures measure(Advisor advisor, List<PublicFigures.DistrictFigures> districts, int threads) {
        PublicFigures table = PublicFigures.bundled();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Row> rows = new ArrayList<>();
        int rejected = 0;
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (PublicFigures.DistrictFigures d : districts) {
                futures.add(pool.submit(() -> {
                    try {
                        Assessment a = table.starter(d);
                        return row(d.leaid(), a, advisor.advise(a));
                    } catch (InputException e) {
                        return null;
                    }
                }));
            }
            for (Future<Row> f : futures) {
                Row r = f.get();
                if (r == null) {
                    rejected++;
                } else {
                    rows.add(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("advice failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return figures(rows, rejected, (System.nanoTime() - start) / 1e9);
    }

    static Row row(String key, Assessment assessment, Advice advice) {
        double home = assessment.measure(HOME_INTERNET, "all").map(m -> m.value()).orElse(Double.NaN);
        int children = assessment.district().enrollment() != null ? assessment.district().enrollment()
                : assessment.measure(HOME_INTERNET, "all").map(m -> m.n() == null ? 0 : m.n()).orElse(0);
        double connect = advice.goals().stream().filter(g -> g.id().equals(CONNECT)).mapToDouble(SuggestedGoal::score).findFirst().orElse(0);
        double top = advice.goals().isEmpty() ? 0 : advice.goals().get(0).score();
        boolean tie = advice.goals().size() > 1 && advice.goals().get(0).score() == advice.goals().get(1).score();
        Set<String> actions = new TreeSet<>();
        Set<String> goals = new TreeSet<>();
        List<String> team = new ArrayList<>();
        for (SuggestedGoal g : advice.goals()) {
            goals.add(g.id());
            for (SuggestedAction a : g.actions()) {
                actions.add(a.id());
                team.add(a.id() + "=" + a.team());
            }
        }
        Map<String, Integer> warnings = new TreeMap<>();
        advice.findings().stream().filter(f -> Finding.WARNING.equals(f.kind())).forEach(f -> warnings.merge(f.id(), 1, Integer::sum));
        String text = AdviceWriter.write(advice, AdviceWriter.Format.TEXT);
        String[] lines = text.split("\n");
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        int widest = Arrays.stream(lines).mapToInt(String::length).max().orElse(0);
        return new Row(key, children, home, connect, top, tie, actions, goals, words, lines.length, widest, warnings, String.join("|", team));
    }

    static Figures figures(List<Row> rows, int rejected, double seconds) {
        Set<String> actions = new TreeSet<>();
        Set<String> goals = new TreeSet<>();
        Map<String, Integer> warnings = new TreeMap<>();
        double top = rows.stream().mapToDouble(Row::topScore).max().orElse(0);
        int atTop = 0;
        int ties = 0;
        for (Row r : rows) {
            actions.addAll(r.actions());
            goals.addAll(r.goals());
            r.warnings().forEach((k, v) -> warnings.merge(k, v, Integer::sum));
            atTop += r.topScore() == top && !r.goals().isEmpty() ? 1 : 0;
            ties += r.topTwoTie() ? 1 : 0;
        }
        List<Row> withFigure = rows.stream().filter(r -> !Double.isNaN(r.homeInternet())).toList();
        double rho = spearman(withFigure.stream().mapToDouble(Row::connectScore).toArray(), withFigure.stream().mapToDouble(Row::homeInternet).toArray());
        int[] words = rows.stream().mapToInt(Row::words).sorted().toArray();
        int[] lines = rows.stream().mapToInt(Row::lines).sorted().toArray();
        Map<String, int[]> sizesByTeam = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.team().isEmpty() || r.children() <= 0) {
                continue;
            }
            int[] range = sizesByTeam.computeIfAbsent(r.team(), t -> new int[] {Integer.MAX_VALUE, 0});
            range[0] = Math.min(range[0], r.children());
            range[1] = Math.max(range[1], r.children());
        }
        int clashes = (int) sizesByTeam.values().stream().filter(range -> range[1] >= 10L * range[0]).count();
        int clashes100 = (int) sizesByTeam.values().stream().filter(range -> range[1] >= 100L * range[0]).count();
        return new Figures(rows.size(), rejected, actions.size(), goals.size(), atTop, top, ties, rho, median(words), max(words), median(lines), max(lines),
                rows.stream().mapToInt(Row::widest).max().orElse(0), warnings, sizesByTeam.size(), clashes, clashes100, seconds);
    }

    private static int median(int[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static int max(int[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** Spearman's rank correlation, with tied values given their average rank. */
    static double spearman(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] rank = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        return rank;
    }
}
