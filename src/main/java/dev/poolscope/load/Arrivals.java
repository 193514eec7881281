package dev.poolscope.load;

/** How request arrivals are spaced in time at a given mean rate. */
public enum Arrivals {
    /** Evenly spaced: exactly {@code rate × t} arrivals over any interval, the fraction carried over. */
    CONSTANT,
    /** A Poisson process: exponential gaps with mean {@code 1 / rate}, so arrivals clump the way real traffic does. */
    POISSON
}
