package dev.poolscope.view;

/** Number formats shared by the views, tuned for reading at a glance (and on a projector). */
final class Format {

    private Format() {
    }

    /** 1234567 → "1,234,567". */
    static String count(long n) {
        return String.format("%,d", n);
    }

    /** A rate with as few digits as make sense: "0.4", "37", "12.3k", "1.02M". */
    static String rate(double perSecond) {
        double v = Math.abs(perSecond);
        if (v >= 999_500) {
            return String.format("%.2fM", perSecond / 1e6);
        }
        if (v >= 9_995) {
            return String.format("%.1fk", perSecond / 1e3);
        }
        if (v >= 10) {
            return String.format("%,.0f", perSecond);
        }
        return String.format("%.1f", perSecond);
    }

    /** Milliseconds with sensible precision: "0.04", "3.2", "25". */
    static String millis(double ms) {
        if (ms >= 10) {
            return String.format("%,.0f", ms);
        }
        if (ms >= 1) {
            return String.format("%.1f", ms);
        }
        return String.format("%.2f", ms);
    }
}
