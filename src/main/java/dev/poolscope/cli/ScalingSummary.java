package dev.poolscope.cli;

/**
 * What a run's scaling cost and how calm it was, for comparing policies.
 *
 * @param workerSeconds    the pool's size integrated over the load: what the workers cost
 * @param settledEvents    scaling events after the settle time
 * @param directionChanges times a settled event went the other way from the one before it (up then down, …)
 * @param settledSeconds   how long the events were counted for: the load's length less the settle time
 */
public record ScalingSummary(double workerSeconds, long settledEvents, long directionChanges, double settledSeconds) {

    /** Settled scaling events per minute. */
    public double eventsPerMinute() {
        return settledSeconds <= 0 ? 0 : settledEvents * 60 / settledSeconds;
    }
}
