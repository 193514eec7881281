package dev.poolscope.load;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * What a {@link LoadGenerator} sends: how many requests per second, how they are spaced, and what each one asks
 * the simulated downstream to do. Immutable and validated as a whole, like the engine's {@code PoolConfig}: an
 * invalid value throws {@link IllegalArgumentException} naming the field, the value and the allowed range. Change
 * one field with the {@code with...} methods and hand the copy to {@link LoadGenerator#setSettings}.
 *
 * @param ratePerSecond      mean arrivals per second, 1 to 1,000,000
 * @param arrivals           how arrivals are spaced
 * @param serviceTime        the shape of the service-time distribution
 * @param meanServiceTime    mean time a request's work takes, 0 to 10 s; zero makes every request a no-op
 * @param failureProbability chance that a request's work throws {@link SimulatedFailure}, 0 to 1
 * @param hangProbability    chance that a request's work hangs until interrupted (at most 60 s), 0 to 1
 * @param typeMix            request type → relative weight; at least one type, every weight positive and finite
 */
public record LoadSettings(
        double ratePerSecond,
        Arrivals arrivals,
        ServiceTime serviceTime,
        Duration meanServiceTime,
        double failureProbability,
        double hangProbability,
        Map<String, Double> typeMix) {

    /** The lowest rate accepted, in requests per second. */
    public static final double MIN_RATE = 1;
    /** The highest rate accepted, in requests per second; far beyond what one generator thread can submit. */
    public static final double MAX_RATE = 1_000_000;
    /** The longest mean service time accepted. */
    public static final Duration MAX_MEAN_SERVICE_TIME = Duration.ofSeconds(10);
    /** Shape of {@link ServiceTime#LOG_NORMAL}: the standard deviation of the logarithm. */
    public static final double LOG_NORMAL_SIGMA = 1.0;

    public LoadSettings {
        if (!(ratePerSecond >= MIN_RATE && ratePerSecond <= MAX_RATE)) {
            throw invalid("ratePerSecond", number(ratePerSecond), "between " + number(MIN_RATE) + " and "
                    + number(MAX_RATE));
        }
        if (arrivals == null) {
            throw invalid("arrivals", null, "one of " + Arrays.toString(Arrivals.values()));
        }
        if (serviceTime == null) {
            throw invalid("serviceTime", null, "one of " + Arrays.toString(ServiceTime.values()));
        }
        if (meanServiceTime == null || meanServiceTime.isNegative()
                || meanServiceTime.compareTo(MAX_MEAN_SERVICE_TIME) > 0) {
            throw invalid("meanServiceTime", meanServiceTime == null ? null : millis(meanServiceTime) + " ms",
                    "between 0 ms and " + MAX_MEAN_SERVICE_TIME.toMillis() + " ms");
        }
        checkProbability("failureProbability", failureProbability);
        checkProbability("hangProbability", hangProbability);
        typeMix = checkedMix(typeMix);
    }

    /** A modest default: 100 requests/s, Poisson arrivals, exponential 10 ms work, no failures, one type. */
    public static LoadSettings defaults() {
        return new LoadSettings(100, Arrivals.POISSON, ServiceTime.EXPONENTIAL, Duration.ofMillis(10), 0, 0,
                Map.of("request", 1.0));
    }

    /** A copy with another rate. */
    public LoadSettings withRatePerSecond(double rate) {
        return new LoadSettings(rate, arrivals, serviceTime, meanServiceTime, failureProbability, hangProbability,
                typeMix);
    }

    /** A copy with other arrival spacing. */
    public LoadSettings withArrivals(Arrivals a) {
        return new LoadSettings(ratePerSecond, a, serviceTime, meanServiceTime, failureProbability, hangProbability,
                typeMix);
    }

    /** A copy with another service-time distribution. */
    public LoadSettings withServiceTime(ServiceTime s) {
        return new LoadSettings(ratePerSecond, arrivals, s, meanServiceTime, failureProbability, hangProbability,
                typeMix);
    }

    /** A copy with another mean service time. */
    public LoadSettings withMeanServiceTime(Duration mean) {
        return new LoadSettings(ratePerSecond, arrivals, serviceTime, mean, failureProbability, hangProbability,
                typeMix);
    }

    /** A copy with another failure probability. */
    public LoadSettings withFailureProbability(double p) {
        return new LoadSettings(ratePerSecond, arrivals, serviceTime, meanServiceTime, p, hangProbability, typeMix);
    }

    /** A copy with another hang probability. */
    public LoadSettings withHangProbability(double p) {
        return new LoadSettings(ratePerSecond, arrivals, serviceTime, meanServiceTime, failureProbability, p, typeMix);
    }

    /** A copy with another type mix. */
    public LoadSettings withTypeMix(Map<String, Double> mix) {
        return new LoadSettings(ratePerSecond, arrivals, serviceTime, meanServiceTime, failureProbability,
                hangProbability, mix);
    }

    /** Picks a request type with probability proportional to its weight. */
    public String sampleType(RandomGenerator random) {
        if (typeMix.size() == 1) {
            return typeMix.keySet().iterator().next();
        }
        double total = 0;
        for (double w : typeMix.values()) {
            total += w;
        }
        double pick = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : typeMix.entrySet()) {
            last = e.getKey();
            pick -= e.getValue();
            if (pick < 0) {
                return last;
            }
        }
        return last; // only reached through rounding at the very top of the range
    }

    private static void checkProbability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw invalid(field, number(p), "between 0 and 1");
        }
    }

    /** Copies the mix into a sorted map so iteration order, and thus seeded sampling, is the same on every run. */
    private static Map<String, Double> checkedMix(Map<String, Double> mix) {
        if (mix == null || mix.isEmpty()) {
            throw invalid("typeMix", mix, "at least one request type with a positive weight");
        }
        TreeMap<String, Double> sorted = new TreeMap<>();
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            Double w = e.getValue();
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw invalid("typeMix", mix, "request types with non-blank names");
            }
            if (w == null || !(w > 0) || w.isInfinite()) {
                throw invalid("typeMix[" + e.getKey() + "]", w == null ? null : number(w),
                        "a positive, finite weight");
            }
            sorted.put(e.getKey(), w);
        }
        return Collections.unmodifiableMap(sorted);
    }

    /** Prints whole numbers without a trailing ".0", so messages read "= 0" rather than "= 0.0". */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Whole milliseconds of {@code d}, for messages; unlike {@link Duration#toMillis()} it never overflows. */
    private static BigInteger millis(Duration d) {
        return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1000))
                .add(BigInteger.valueOf(d.getNano() / 1_000_000));
    }

    private static IllegalArgumentException invalid(String field, Object value, String allowed) {
        return new IllegalArgumentException(field + " = " + value + " is not allowed: must be " + allowed);
    }
}
