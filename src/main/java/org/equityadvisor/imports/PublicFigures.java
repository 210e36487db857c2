package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;

/**
 * The public figures every district can start from: the Urban Institute's "Household Conditions by
 * Geographic School District" (American Community Survey 5-year estimates 2014-2018, US Census Bureau;
 * child counts and poverty from SAIPE), one row per geographic school district, 13,313 in all, shipped
 * inside the project. Read once per process and held in memory (about 2 MB) as an immutable table, so that
 * a starter assessment, a whole-state batch and a comparison with similar districts all use the same rows.
 *
 * <pre>{@code
 * PublicFigures table = PublicFigures.bundled();
 * Assessment starter = table.starter(table.district("0612345").orElseThrow());
 * }</pre>
 *
 * Mapping to the framework: {@code pct_NCI} (children aged 5-17 in households with no computer or no
 * broadband) becomes GM-01, "students without home internet", marked {@code kind: estimate} with its
 * margin of error and {@code n} = the children counted; it is an upper bound, as it also counts children
 * whose household has internet but no computer. {@code pct_pov} (children in poverty) becomes the
 * district's {@code lowIncomePct}; it is measured at the poverty line, so it runs below free-meal
 * eligibility (185% of it).
 */
public final class PublicFigures {

    public static final String SOURCE = "ACS 2014-2018 (Urban Institute, Household Conditions by Geographic School District)";
    public static final String ATTRIBUTION = "Urban Institute, \"Household Conditions by Geographic School District\" "
            + "(American Community Survey 5-year estimates 2014-2018, US Census Bureau; child counts and poverty from SAIPE). "
            + "Census figures are in the public domain.";
    public static final int YEAR = 2018;
    static final String RESOURCE = "acs-2014-2018.csv.gz";
    private static final String GAP_SOURCE = "ACS 2014-2018 estimate (Urban Institute): children 5-17 in households with no computer or no broadband";

    /**
     * One district's row.
     *
     * @param leaid                  the 7-digit NCES LEA id
     * @param state                  two-letter code
     * @param children               children aged 5-17 living in the district's area (SAIPE)
     * @param povertyPct             % of those children in poverty
     * @param noComputerOrBroadband  % of children in households with no computer or no broadband (ACS)
     * @param noComputerOrBroadbandMoe its margin of error, in percentage points
     */
    public record DistrictFigures(String leaid, String state, String stateName, String region, String name, int children, double povertyPct,
            double noComputerOrBroadband, double noComputerOrBroadbandMoe) {

        /** True when the margin of error is wider than half the estimate: advice resting on it should say "verify locally". */
        public boolean wideMargin() {
            return noComputerOrBroadbandMoe > noComputerOrBroadband / 2;
        }
    }

    private final List<DistrictFigures> districts;
    private final Map<String, DistrictFigures> byId;
    private final Map<String, List<DistrictFigures>> byState;
    private final Map<String, List<DistrictFigures>> byRegion;

    private PublicFigures(List<DistrictFigures> districts) {
        this.districts = List.copyOf(districts);
        Map<String, DistrictFigures> ids = new HashMap<>();
        Map<String, List<DistrictFigures>> states = new TreeMap<>();
        for (DistrictFigures d : districts) {
            ids.put(d.leaid(), d);
            states.computeIfAbsent(d.state(), s -> new ArrayList<>()).add(d);
        }
        this.byId = Map.copyOf(ids);
        Map<String, List<DistrictFigures>> frozen = new TreeMap<>();
        states.forEach((s, list) -> frozen.put(s, List.copyOf(list)));
        this.byState = Collections.unmodifiableMap(frozen);
        Map<String, List<DistrictFigures>> regions = new TreeMap<>();
        for (DistrictFigures d : districts) {
            regions.computeIfAbsent(d.region(), r -> new ArrayList<>()).add(d);
        }
        regions.replaceAll((r, list) -> List.copyOf(list));
        this.byRegion = Collections.unmodifiableMap(regions);
    }

    /** The table shipped with the project, read on first use. */
    public static PublicFigures bundled() {
        return Bundled.TABLE;
    }

    private static final class Bundled {
        static final PublicFigures TABLE = load();

        private static PublicFigures load() {
            try (InputStream raw = PublicFigures.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("the public figures " + RESOURCE + " are missing from the build");
                }
                return read(RESOURCE, new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("the public figures " + RESOURCE + " cannot be read", e);
            }
        }
    }

    /** Reads a table of the same columns (the original CSV, for a check against the shipped copy). */
    public static PublicFigures read(String name, Reader in) {
        List<DistrictFigures> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (MappingIterator<String[]> it = SurveyImport.CSV.readerFor(String[].class).readValues(in)) {
            String[] header = it.nextValue();
            header[0] = SurveyImport.stripBom(header[0]);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.put(header[i], i);
            }
            for (String needed : List.of("leaid", "state", "region", "dist", "children", "pct_pov", "pct_NCI", "nci_MOE")) {
                if (!col.containsKey(needed)) {
                    throw new InputException(name, new Problem(name + ":1", "no column " + needed));
                }
            }
            int line = 1;
            while (it.hasNextValue()) {
                String[] r = it.nextValue();
                line++;
                try {
                    String stateName = r[col.get("state")];
                    String code = STATES.get(stateName);
                    if (code == null) {
                        throw new IllegalArgumentException("'" + stateName + "' is not a state name");
                    }
                    rows.add(new DistrictFigures(r[col.get("leaid")], code, stateName, r[col.get("region")], r[col.get("dist")],
                            Integer.parseInt(r[col.get("children")]), Double.parseDouble(r[col.get("pct_pov")]), Double.parseDouble(r[col.get("pct_NCI")]),
                            Double.parseDouble(r[col.get("nci_MOE")])));
                } catch (RuntimeException e) {
                    problems.add(new Problem(name + ":" + line, "unreadable row: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new InputException(name, new Problem(name, "is not readable CSV: " + SurveyImport.firstLine(e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        rows.sort(java.util.Comparator.comparing(DistrictFigures::leaid));
        return new PublicFigures(rows);
    }

    /** Every district, by NCES id. */
    public List<DistrictFigures> districts() {
        return districts;
    }

    public Optional<DistrictFigures> district(String leaid) {
        return Optional.ofNullable(byId.get(leaid));
    }

    /**
     * The districts of one state, by NCES id, for a whole-state batch or a comparison with similar districts.
     *
     * @param state a two-letter code or a state's name, in any case
     */
    public List<DistrictFigures> inState(String state) {
        String code = stateCode(state);
        return code == null ? List.of() : byState.getOrDefault(code, List.of());
    }

    /** The districts of one Census region as the table names it ("North Central", "Northeast", "South", "West"), by NCES id. */
    public List<DistrictFigures> inRegion(String region) {
        return byRegion.getOrDefault(region, List.of());
    }

    /** The two-letter codes of the states in the table. */
    public List<String> states() {
        return List.copyOf(byState.keySet());
    }

    /** A state's two-letter code from its code or name in any case, or null. */
    public static String stateCode(String state) {
        if (state == null) {
            return null;
        }
        String wanted = state.strip();
        for (Map.Entry<String, String> e : STATES.entrySet()) {
            if (e.getValue().equalsIgnoreCase(wanted) || e.getKey().equalsIgnoreCase(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The starter assessment for a district: its name, id, state and poverty, and the homework-gap estimate
     * as GM-01 with its source, year and margin of error.
     *
     * @throws InputException for a placeholder row that counts no children: there is nothing to start from
     */
    public Assessment starter(DistrictFigures d) {
        if (d.children() <= 0) {
            throw new InputException(d.leaid(), new Problem("", "the public table counts no children aged 5-17 for " + d.name()
                    + " (a placeholder row): there are no public figures to start from"));
        }
        District district = new District(d.name(), d.leaid(), d.state(), null, null, null, Tally.round(d.povertyPct()), null, List.of());
        Measure gap = new Measure("GM-01", Measure.ALL, Tally.round(d.noComputerOrBroadband()), d.children(), d.noComputerOrBroadbandMoe(), YEAR, GAP_SOURCE,
                Measure.Kind.ESTIMATE);
        return new Assessment(district, List.of(), List.of(gap), Map.of());
    }

    /** The sentence the starter file opens with: where each figure comes from and what it is not. */
    public static List<String> describe(DistrictFigures d) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Public figures for %s (%s), NCES id %s, from the %s.", d.name(), d.state(), d.leaid(), SOURCE));
        out.add(String.format(Locale.ROOT, "They are estimates for the %,d children aged 5-17 who live in the district's area, not a count of your students:",
                d.children()));
        out.add("replace them with your own survey figures when you have them (equity-advisor import survey).");
        out.add("lowIncomePct is the share of those children in poverty (SAIPE 2018): free-meal eligibility (185% of the poverty line) runs higher.");
        out.add("GM-01 is the share of children in households with no computer or no broadband: an upper bound for \"no home internet\".");
        out.add("Source: " + ATTRIBUTION);
        return out;
    }

    /** State names as the table writes them, with their two-letter codes. */
    private static final Map<String, String> STATES = Collections.unmodifiableMap(new TreeMap<>(Map.ofEntries(
            Map.entry("Alabama", "AL"), Map.entry("Alaska", "AK"), Map.entry("Arizona", "AZ"), Map.entry("Arkansas", "AR"),
            Map.entry("California", "CA"), Map.entry("Colorado", "CO"), Map.entry("Connecticut", "CT"), Map.entry("Delaware", "DE"),
            Map.entry("District of Columbia", "DC"), Map.entry("Florida", "FL"), Map.entry("Georgia", "GA"), Map.entry("Hawaii", "HI"),
            Map.entry("Idaho", "ID"), Map.entry("Illinois", "IL"), Map.entry("Indiana", "IN"), Map.entry("Iowa", "IA"), Map.entry("Kansas", "KS"),
            Map.entry("Kentucky", "KY"), Map.entry("Louisiana", "LA"), Map.entry("Maine", "ME"), Map.entry("Maryland", "MD"),
            Map.entry("Massachusetts", "MA"), Map.entry("Michigan", "MI"), Map.entry("Minnesota", "MN"), Map.entry("Mississippi", "MS"),
            Map.entry("Missouri", "MO"), Map.entry("Montana", "MT"), Map.entry("Nebraska", "NE"), Map.entry("Nevada", "NV"),
            Map.entry("New Hampshire", "NH"), Map.entry("New Jersey", "NJ"), Map.entry("New Mexico", "NM"), Map.entry("New York", "NY"),
            Map.entry("North Carolina", "NC"), Map.entry("North Dakota", "ND"), Map.entry("Ohio", "OH"), Map.entry("Oklahoma", "OK"),
            Map.entry("Oregon", "OR"), Map.entry("Pennsylvania", "PA"), Map.entry("Puerto Rico", "PR"), Map.entry("Rhode Island", "RI"),
            Map.entry("South Carolina", "SC"), Map.entry("South Dakota", "SD"), Map.entry("Tennessee", "TN"), Map.entry("Texas", "TX"),
            Map.entry("Utah", "UT"), Map.entry("Vermont", "VT"), Map.entry("Virginia", "VA"), Map.entry("Washington", "WA"),
            Map.entry("West Virginia", "WV"), Map.entry("Wisconsin", "WI"), Map.entry("Wyoming", "WY"))));
}
