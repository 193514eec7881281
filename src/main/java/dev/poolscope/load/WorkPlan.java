package dev.poolscope.load;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What one request's simulated work will do, decided when the request is generated and sent as its payload, so
 * {@link SimulatedWork} does exactly what was planned and a seeded generator replays the same load.
 *
 * <p>The plan belongs to the request, not to an attempt: a retried request replays the same plan, so a request
 * planned to fail fails on every attempt and a hanging one times out on every attempt. Retries therefore show
 * their cost (extra attempts, a busier pool), not a rescue.
 *
 * @param serviceNanos how long the work takes when it neither hangs nor is interrupted; zero returns at once
 * @param fail         throw {@link SimulatedFailure} once the service time has passed
 * @param hang         block until interrupted (or {@link SimulatedWork#HANG_LIMIT} passes), to exercise timeouts
 */
public record WorkPlan(long serviceNanos, boolean fail, boolean hang) {

    /** A plan for work that returns at once without failing. */
    public static final WorkPlan NO_OP = new WorkPlan(0, false, false);

    public WorkPlan {
        if (serviceNanos < 0) {
            throw new IllegalArgumentException("serviceNanos = " + serviceNanos + " is not allowed: must be >= 0");
        }
    }

    /** Draws a plan from {@code settings}: a service time from its distribution, then failure and hang decisions. */
    public static WorkPlan sample(LoadSettings settings, RandomGenerator random) {
        long service = sampleServiceNanos(settings.serviceTime(), settings.meanServiceTime().toNanos(), random);
        boolean fail = random.nextDouble() < settings.failureProbability();
        boolean hang = random.nextDouble() < settings.hangProbability();
        return new WorkPlan(service, fail, hang);
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
