package dev.poolscope.view;

/** How much history the charts show. */
enum ChartWindow {
    SECONDS_30(30, "30 s"), MINUTE_1(60, "1 min"), MINUTES_2(120, "2 min"), MINUTES_5(300, "5 min"),
    MINUTES_10(600, "10 min");

    final double seconds;
    private final String label;

    ChartWindow(double seconds, String label) {
        this.seconds = seconds;
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
