package org.equityadvisor.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.equityadvisor.imports.PublicFigures.DistrictFigures;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.PeerFigures;

/**
 * Finds the districts of the public table most like a given one and summarises their homework-gap figure
 * (GM-01), so that a finding can say where the district stands among its peers.
 *
 * <p>"Like" means, in this order of preference: the same state (a state's programmes, funding and
 * broadband maps are shared), between half and twice as many children, and a child poverty rate within
 * five points. When fewer than {@value #ENOUGH} districts qualify, the bands widen step by step (a
 * quarter to four times the children, ten points of poverty), then the state gives way to the Census
 * region, then to the nation. A small set of peers would make the quartiles noise; the steps are fixed,
 * so the same district always gets the same peers.
 *
 * <p>Size and poverty come from the district's own row of the table when its NCES id is there (so it is
 * measured like its peers), otherwise from the assessment's enrolment and low-income share.
 */
public final class SimilarDistricts {

    /** The fewest districts whose quartiles mean something. */
    static final int ENOUGH = 20;
    private static final double[][] BANDS = { { 2, 5 }, { 4, 10 } };

    private final PublicFigures table;

    public SimilarDistricts(PublicFigures table) {
        this.table = table;
    }

    /** Over the table shipped with the project. */
    public static SimilarDistricts bundled() {
        return new SimilarDistricts(PublicFigures.bundled());
    }

    /**
     * The peers of an assessment's district on GM-01, or empty when the district has no GM-01 figure for all
     * students, or neither a table row nor both an enrolment and a low-income share to match on.
     */
    public Optional<PeerFigures> compare(Assessment assessment) {
        District d = assessment.district();
        Optional<Measure> own = assessment.measure("GM-01", Measure.ALL);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Optional<DistrictFigures> row = d.id() == null ? Optional.empty() : table.district(d.id());
        String state = row.map(DistrictFigures::state).orElse(PublicFigures.stateCode(d.state()));
        Integer children = row.map(DistrictFigures::children).filter(c -> c > 0).orElse(d.enrollment());
        Double poverty = row.map(DistrictFigures::povertyPct).orElse(d.lowIncomePct());
        if (children == null || children <= 0 || poverty == null) {
            return Optional.empty();
        }
        String region = row.map(DistrictFigures::region).orElseGet(() -> regionOf(state));
        String self = row.map(DistrictFigures::leaid).orElse(null);
        double value = own.get().value();
        // The peers depend only on the district's key, not on its own figure: found once per key (the search scans the
        // state, region or nation; it was 14% of the server's CPU), summarised for each figure.
        Key key = new Key(self, state, region, children, poverty);
        Peers peers = found.get(key);
        if (peers == null) {
            if (found.size() >= MAX_KEYS) {
                found.clear();
            }
            peers = find(state, region, self, children, poverty);
            found.put(key, peers);
        }
        return peers.sorted == null ? Optional.empty() : Optional.of(summarise(peers.sorted, value, peers.scope, peers.area));
    }

    /** What makes two districts' peers the same. */
    private record Key(String self, String state, String region, int children, double poverty) {
    }

    /** The peers' GM-01 figures, sorted, and how they were chosen; {@code sorted} null when too few qualify. */
    private record Peers(double[] sorted, String scope, PeerFigures.Area area) {
    }

    /** Peer searches kept; far more than the public table's districts, and dropped all at once past that. */
    private static final int MAX_KEYS = 50_000;
    private final Map<Key, Peers> found = new ConcurrentHashMap<>();

    private Peers find(String state, String region, String self, int children, double poverty) {
        for (String where : new String[] { "state", "region", "nation" }) {
            if (where.equals("state") && state == null || where.equals("region") && region == null) {
                continue;
            }
            for (double[] band : BANDS) {
                List<DistrictFigures> peers = new ArrayList<>();
                for (DistrictFigures f : candidates(where, state, region)) {
                    if (f.children() > 0 && !f.leaid().equals(self) && f.children() >= children / band[0] && f.children() <= children * band[0]
                            && Math.abs(f.povertyPct() - poverty) <= band[1]) {
                        peers.add(f);
                    }
                }
                if (peers.size() >= ENOUGH) {
                    return new Peers(peers.stream().mapToDouble(DistrictFigures::noComputerOrBroadband).sorted().toArray(),
                            scope(where, state, region, children, poverty, band), area(where, state, region, children, poverty, band));
                }
            }
        }
        return new Peers(null, null, null);
    }

    private List<DistrictFigures> candidates(String where, String state, String region) {
        return switch (where) {
            case "state" -> table.inState(state);
            case "region" -> table.inRegion(region);
            default -> table.districts();
        };
    }

    private String regionOf(String state) {
        return state == null ? null : table.inState(state).stream().map(DistrictFigures::region).findFirst().orElse(null);
    }

    private static PeerFigures summarise(double[] v, double value, String scope, PeerFigures.Area area) {
        int below = (int) Arrays.stream(v).filter(x -> x < value).count();
        return new PeerFigures("GM-01", v.length, Tally.round(quantile(v, 0.5)), Tally.round(quantile(v, 0.25)), Tally.round(quantile(v, 0.75)), below,
                scope, PublicFigures.SOURCE, area);
    }

    /** The quantile of sorted figures, interpolated between the two nearest (the usual definition, R's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private PeerFigures.Area area(String where, String state, String region, int children, double poverty, double[] band) {
        String place = switch (where) {
            case "state" -> table.inState(state).get(0).stateName();
            case "region" -> region;
            default -> null;
        };
        return new PeerFigures.Area(where, place, Math.round(children / band[0]), Math.round(children * band[0]),
                Math.round(Math.max(0, poverty - band[1])), Math.round(Math.min(100, poverty + band[1])));
    }

    private String scope(String where, String state, String region, int children, double poverty, double[] band) {
        String place = switch (where) {
            case "state" -> table.inState(state).get(0).stateName() + " districts";
            case "region" -> "districts of the " + region + " region";
            default -> "districts nationwide";
        };
        return String.format(Locale.ROOT, "%s with %,d-%,d children and %d-%d%% in poverty", place, Math.round(children / band[0]),
                Math.round(children * band[0]), Math.round(Math.max(0, poverty - band[1])), Math.round(Math.min(100, poverty + band[1])));
    }
}
