package dev.poolscope.model;

/**
 * How steady the arrivals were across a window's intervals. Poisson arrivals at a steady rate λ put about λt ± √(λt)
 * in an interval of t seconds; a rate that itself moves (bursts, a ramp) spreads the counts further. The spread
 * beyond Poisson's own is what {@link #variation} measures: for counts nᵢ over intervals tᵢ (rates rᵢ = nᵢ / tᵢ,
 * k intervals, T seconds in all), S² = Σ tᵢ(rᵢ − λ)² has expectation (k − 1)λ under a steady rate, and
 * (S² − (k − 1)λ) / T estimates the variance of the rate itself.
 *
 * @param slowest   the lowest interval's arrivals per second; NaN with no interval
 * @param fastest   the highest interval's arrivals per second; NaN with no interval
 * @param variation the rate's coefficient of variation beyond Poisson's spread, √((S² − (k − 1)λ) / T) / λ; 0 when S²
 *                  is within {@value #POISSON_SPREAD} × its steady expectation (the counts are then no evidence of
 *                  a moving rate: a 10-interval window of Poisson arrivals passes that by chance about 3 % of the
 *                  time); NaN with fewer than two intervals or no arrivals
 */
public record ArrivalRates(double slowest, double fastest, double variation) {

    /** S² within this many times its steady expectation reads as steady. */
    public static final double POISSON_SPREAD = 2;

    /**
     * The spread of {@code intervals} intervals holding {@code arrivals} arrivals in {@code seconds}, from the sum of
     * nᵢ² / tᵢ over them and their slowest and fastest rates.
     */
    static ArrivalRates of(int intervals, long arrivals, double seconds, double countSquaresOverSeconds,
                           double slowest, double fastest) {
        if (intervals < 2 || arrivals <= 0 || seconds <= 0) {
            return new ArrivalRates(slowest, fastest, Double.NaN);
        }
        double lambda = arrivals / seconds;
        // Σ tᵢ(rᵢ − λ)² expands to Σ nᵢ² / tᵢ − λ Σ nᵢ, since Σ nᵢ = λT and Σ tᵢ = T.
        double spread = countSquaresOverSeconds - lambda * arrivals;
        double steady = (intervals - 1) * lambda;
        double variation = spread <= POISSON_SPREAD * steady ? 0 : Math.sqrt((spread - steady) / seconds) / lambda;
        return new ArrivalRates(slowest, fastest, variation);
    }
}
