package dev.poolscope.model;

/**
 * What a pool did over one window, in the terms queueing theory needs: flows summed, levels averaged. Built by
 * {@link QueueWindow} from consecutive snapshots; read by {@link CapacityAdvice}.
 *
 * @param seconds          the window's length
 * @param arrivals         attempts offered in the window: requests submitted (dropped ones included, unhandled
 *                         ones not) plus retries
 * @param served           attempts whose run ended in the window: the sample behind the service time
 * @param serviceNanos     their run times summed
 * @param serviceP50Nanos  median run time, estimated from the intervals' percentiles merged; NaN when none ended
 * @param serviceP99Nanos  99th percentile run time, estimated likewise
 * @param waited           attempts that left the queue for a worker in the window
 * @param waitNanos        their queue waits summed
 * @param waitP50Nanos     median queue wait, estimated as the service median is; NaN when none left the queue
 * @param meanQueued       requests queued, averaged over the window's snapshots
 * @param meanInPool       requests queued or running, averaged over the window's snapshots
 * @param levelSamples     snapshots the two levels are averaged over
 * @param queuedError      the standard error of {@code meanQueued}: how far sampling alone may put it from the
 *                         true time average; NaN with fewer than two samples
 * @param inPoolError      the standard error of {@code meanInPool}, likewise
 * @param workers          live workers at the window's end
 * @param fewestWorkers    fewest live workers at any snapshot of the window
 * @param mostWorkers      most live workers at any snapshot of the window
 * @param arrivalRates     how steady the arrival rate was across the window's intervals
 * @param overflow         what the queue's capacity did in the window: drops, samples at which it was full
 */
public record QueueReading(double seconds, long arrivals, long served, double serviceNanos, double serviceP50Nanos,
                           double serviceP99Nanos, long waited, double waitNanos, double waitP50Nanos,
                           double meanQueued, double meanInPool, int levelSamples, double queuedError,
                           double inPoolError, int workers, int fewestWorkers, int mostWorkers,
                           ArrivalRates arrivalRates, Overflow overflow) {

    /** λ: attempts offered per second. */
    public double arrivalsPerSecond() {
        return seconds <= 0 ? 0 : arrivals / seconds;
    }

    /** Attempts through the queue per second: the λ of Little's law for the queue. */
    public double queueThroughputPerSecond() {
        return seconds <= 0 ? 0 : waited / seconds;
    }

    /** S: mean run time in seconds; NaN when no attempt ended. */
    public double meanServiceSeconds() {
        return served == 0 ? Double.NaN : serviceNanos / served / 1e9;
    }

    /** Mean queue wait in seconds; NaN when no attempt left the queue. */
    public double meanWaitSeconds() {
        return waited == 0 ? Double.NaN : waitNanos / waited / 1e9;
    }
}
