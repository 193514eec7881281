package dev.poolscope.load;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What one request's simulated work will do, decided when the request is generated and sent as its payload, so
 * {@link SimulatedWork} does exactly what was planned and a seeded generator replays the same load.
 *
 * <p>{@code fail} and {@code hang} decide the first attempt. A retry draws afresh with the probabilities, as a
 * flaky downstream fails each call independently, so retries can rescue a request (and cost extra attempts). Those
 * draws come from {@code retrySeed} and the attempt number, not from a thread's random generator, so a seeded load
 * replays its retries too: two pools fed the same seed see every attempt of every request do the same thing.
 *
 * @param serviceNanos           how long the work takes when it neither hangs nor is interrupted; zero returns at once
 * @param fail                   the first attempt throws {@link SimulatedFailure} once the service time has passed
 * @param hang                   the first attempt blocks until interrupted (or {@link SimulatedWork#HANG_LIMIT})
 * @param retryFailProbability   chance that a retry fails
 * @param retryHangProbability   chance that a retry hangs
 * @param retrySeed              where this request's retry draws come from, drawn by the generator with the plan
 */
public record WorkPlan(long serviceNanos, boolean fail, boolean hang, double retryFailProbability,
                       double retryHangProbability, long retrySeed) {

    /** A plan for work that returns at once without failing. */
    public static final WorkPlan NO_OP = new WorkPlan(0, false, false);

    public WorkPlan {
        if (serviceNanos < 0) {
            throw new IllegalArgumentException("serviceNanos = " + serviceNanos + " is not allowed: must be >= 0");
        }
    }

    /** A plan whose retries do what the first attempt does: a failing plan fails every time. */
    public WorkPlan(long serviceNanos, boolean fail, boolean hang) {
        this(serviceNanos, fail, hang, fail ? 1 : 0, hang ? 1 : 0, 0);
    }

    /** A plan whose retries draw with the given odds from seed zero. */
    public WorkPlan(long serviceNanos, boolean fail, boolean hang, double retryFailProbability,
                    double retryHangProbability) {
        this(serviceNanos, fail, hang, retryFailProbability, retryHangProbability, 0);
    }

    /** The plan for attempt {@code attempt}: the first as planned, later ones drawn with the retry odds. */
    WorkPlan forAttempt(int attempt) {
        if (attempt <= 1) {
            return this;
        }
        // A golden-ratio stride keeps the attempts' streams apart; SplittableRandom mixes the seed itself.
        SplittableRandom random = new SplittableRandom(retrySeed + attempt * 0x9E3779B97F4A7C15L);
        return new WorkPlan(serviceNanos, random.nextDouble() < retryFailProbability,
                random.nextDouble() < retryHangProbability, retryFailProbability, retryHangProbability, retrySeed);
    }

    /** Draws a plan from {@code settings}: a service time from its distribution, then failure and hang decisions. */
    public static WorkPlan sample(LoadSettings settings, RandomGenerator random) {
        long service = sampleServiceNanos(settings.serviceTime(), settings.meanServiceTime().toNanos(), random);
        boolean fail = random.nextDouble() < settings.failureProbability();
        boolean hang = random.nextDouble() < settings.hangProbability();
        return new WorkPlan(service, fail, hang, settings.failureProbability(), settings.hangProbability(),
                random.nextLong());
    }

    /** One service time in nanoseconds with the given mean; capped at the hang limit so no draw outlives a hang. */
    static long sampleServiceNanos(ServiceTime shape, long meanNanos, RandomGenerator random) {
        if (meanNanos == 0) {
            return 0;
        }
        double nanos = switch (shape) {
            case FIXED -> meanNanos;
            case EXPONENTIAL -> meanNanos * random.nextExponential();
            case LOG_NORMAL -> {
                // For a log-normal, mean = exp(mu + sigma²/2); choose mu so the mean is the one asked for.
                double sigma = LoadSettings.LOG_NORMAL_SIGMA;
                double mu = Math.log(meanNanos) - sigma * sigma / 2;
                yield Math.exp(mu + sigma * random.nextGaussian());
            }
        };
        return Math.min((long) nanos, SimulatedWork.HANG_LIMIT.toNanos());
    }

    /** The service time as a duration. */
    public Duration serviceTime() {
        return Duration.ofNanos(serviceNanos);
    }
}
