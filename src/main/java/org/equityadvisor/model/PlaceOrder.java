package org.equityadvisor.model;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders places naturally, so that {@code file:9} comes before {@code file:10} and {@code [2]} before {@code [10]}. */
final class PlaceOrder {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    static final Comparator<Problem> COMPARATOR = (a, b) -> {
        int byPlace = natural(a.place(), b.place());
        return byPlace != 0 ? byPlace : a.message().compareTo(b.message());
    };

    private PlaceOrder() {
    }

    static int natural(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        int ia = 0;
        int ib = 0;
        while (ma.find(ia) && mb.find(ib)) {
            int prefix = a.substring(ia, ma.start()).compareTo(b.substring(ib, mb.start()));
            if (prefix != 0) {
                return prefix;
            }
            int number = Long.compare(parse(ma.group()), parse(mb.group()));
            if (number != 0) {
                return number;
            }
            ia = ma.end();
            ib = mb.end();
        }
        return a.substring(ia).compareTo(b.substring(ib));
    }

    private static long parse(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
