package dev.poolscope.load;

import java.time.Duration;
import java.util.Map;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;

/**
 * Demo presets: each pairs base {@link LoadSettings} with a rate that changes over time, chosen so that with
 * {@link #suggestedConfig()} (2–16 workers, threshold 50, capacity 2,000, 500 ms timeout, 2 retries) its effect
 * shows within about ten seconds on a two-core machine. Service times are milliseconds of sleeping, so workers
 * are mostly idle threads and the CPU is left to the generator, the pool and the UI.
 *
 * <p>Worker demand is rate × mean service time: 1,000 requests/s of 10 ms work keeps 10 workers busy.
 *
 * <p>The HTTP scenarios ({@link #backend()} not null) send real HTTP over loopback, client → front → pool →
 * backend ({@link dev.poolscope.http.HttpPath}); the backend's settings, not the load's service time, decide how
 * long each call takes, and {@link #backendAt} may change them over time.
 */
public enum Scenario {

    /** 400/s of 1 ms work needs 0.4 workers: the pool never leaves min. */
    STEADY("Steady", "A constant load well below capacity: the pool stays at its minimum and waits stay near zero "
            + "under every policy; open the Advisor to compare Erlang C's wait with the measured one.",
            settings(400, Arrivals.POISSON, ServiceTime.EXPONENTIAL, 1, 0, 0)),

    /** 100/s (1 busy worker) for 5 s, then 1,000/s (10 busy workers) for 2 s, repeating. */
    BURST("Burst", "Short spikes at ten times the quiet rate: the pool grows above min during each spike, "
            + "then shrinks back once the queue drains; backlog shows it best (one jump, lowest p99 wait).",
            settings(100, Arrivals.POISSON, ServiceTime.EXPONENTIAL, 10, 0, 0)) {
        @Override
        public double rateAt(double seconds, LoadSettings base) {
            double phase = seconds % (BURST_QUIET_SECONDS + BURST_SPIKE_SECONDS);
            return phase < BURST_QUIET_SECONDS ? base.ratePerSecond() : base.ratePerSecond() * BURST_FACTOR;
        }
    },

    /** From 10% of 1,500/s (1.5 busy workers) up to 1,500/s (15) over 60 s, then holds; past min within ~5 s. */
    RAMP("Ramp", "A load that rises steadily for a minute, then holds: the pool adds workers one by one to keep up.",
            settings(1500, Arrivals.POISSON, ServiceTime.EXPONENTIAL, 10, 0, 0)) {
        @Override
        public double rateAt(double seconds, LoadSettings base) {
            double progress = Math.min(1, Math.max(0, seconds) / RAMP_SECONDS);
            return clampRate(base.ratePerSecond() * (RAMP_START_FRACTION + (1 - RAMP_START_FRACTION) * progress));
        }
    },

    /** Swings between 10% and 100% of 1,000/s with a 30 s period, starting halfway and rising. */
    SINE("Sine wave", "A load that rises and falls smoothly every 30 seconds: the pool follows it up and down.",
            settings(1000, Arrivals.POISSON, ServiceTime.EXPONENTIAL, 10, 0, 0)) {
        @Override
        public double rateAt(double seconds, LoadSettings base) {
            double wave = Math.sin(2 * Math.PI * seconds / SINE_PERIOD_SECONDS);
            return clampRate(base.ratePerSecond() * (0.55 + 0.45 * wave));
        }
    },

    /** 200/s with 30% failing and 1% hanging: hangs hold a worker for three 500 ms attempts each. */
    FLAKY_DOWNSTREAM("Flaky downstream", "A downstream that fails 30% of requests and hangs on 1%: retries and "
            + "timeouts show up, and hung attempts tie up workers until the watchdog interrupts them; backlog "
            + "shows it best (hung requests count as outstanding: lowest p99 wait, no timeouts).",
            settings(200, Arrivals.POISSON, ServiceTime.EXPONENTIAL, 10, 0.3, 0.01)),

    /** 400/s of log-normal 60 ms work needs 24 workers, more than the 16 allowed. */
    SLOW_DOWNSTREAM("Slow downstream", "A downstream with long, heavy-tailed response times: the pool hits max, "
            + "the queue and the wait grow, and at capacity requests are dropped; no policy keeps up within max 16, "
            + "and the Advisor says why: about 24 Erlangs.",
            settings(400, Arrivals.POISSON, ServiceTime.LOG_NORMAL, 60, 0, 0)),

    /** 200/s through a backend of log-normal 20 ms with room for 32 calls: 4 busy workers, 1% answered 500. */
    HTTP_HEALTHY("HTTP proxy — healthy backend", "Real HTTP on loopback, client to front to pool to backend: "
            + "the backend is well within its limits, so the pool stays small and nearly every request gets a 200.",
            httpSettings(200), new BackendSettings(LatencyShape.LOG_NORMAL, Duration.ofMillis(20), 0.01, 32, 64)),

    /**
     * 400/s of 20 ms calls wants 8 in flight, but the backend serves 6 at full speed: the queue grows, the pool
     * grows to 16, and at 16 in flight each call takes (16/6)² ≈ 7× as long, so fewer complete than with 6.
     */
    HTTP_SATURATES("HTTP proxy — backend saturates", "The backend serves 6 calls at full speed and slows sharply "
            + "beyond: the growing queue makes the pool add workers, which overloads the backend further, so "
            + "throughput falls; set max workers to 6 and it recovers; aimd shows it best (fewest drops).",
            httpSettings(400), new BackendSettings(LatencyShape.LOG_NORMAL, Duration.ofMillis(20), 0, 6, 24)),

    /**
     * Healthy for 10 s, then for 20 s latency ×5 (at most the backend's longest mean) and 20% answered 500, then
     * healthy again; repeats every 40 s.
     */
    HTTP_BROWNOUT("HTTP proxy — backend brown-out", "Every 40 seconds the backend browns out for 20: its latency "
            + "steps up fivefold and a fifth of calls fail with 500, so waits, errors and drops climb, then recover.",
            httpSettings(200), new BackendSettings(LatencyShape.LOG_NORMAL, Duration.ofMillis(20), 0.01, 32, 64)) {
        @Override
        public BackendSettings backendAt(double seconds, BackendSettings base) {
            double phase = seconds % BROWNOUT_PERIOD_SECONDS;
            if (phase < BROWNOUT_START_SECONDS || phase >= BROWNOUT_START_SECONDS + BROWNOUT_SECONDS) {
                return base;
            }
            // Capped at the backend's longest mean: a base mean the flags and the slider allow (up to 2 s) must
            // not make the brown-out itself an invalid setting.
            Duration slow = base.meanLatency().multipliedBy(BROWNOUT_LATENCY_FACTOR);
            return base.withMeanLatency(slow.compareTo(BackendSettings.MAX_MEAN_LATENCY) > 0
                    ? BackendSettings.MAX_MEAN_LATENCY : slow).withErrorRate(BROWNOUT_ERROR_RATE);
        }
    };

    static final double BURST_QUIET_SECONDS = 5;
    static final double BURST_SPIKE_SECONDS = 2;
    static final double BURST_FACTOR = 10;
    static final double RAMP_SECONDS = 60;
    static final double RAMP_START_FRACTION = 0.1;
    static final double SINE_PERIOD_SECONDS = 30;
    static final double BROWNOUT_PERIOD_SECONDS = 40;
    static final double BROWNOUT_START_SECONDS = 10;
    static final double BROWNOUT_SECONDS = 20;
    static final int BROWNOUT_LATENCY_FACTOR = 5;
    static final double BROWNOUT_ERROR_RATE = 0.2;
    /** The request type of the HTTP scenarios: the front's path and the proxy handler's type. */
    public static final String PROXY_TYPE = "proxy";

    private final String displayName;
    private final String description;
    private final LoadSettings baseSettings;
    private final BackendSettings backend;

    Scenario(String displayName, String description, LoadSettings baseSettings) {
        this(displayName, description, baseSettings, null);
    }

    Scenario(String displayName, String description, LoadSettings baseSettings, BackendSettings backend) {
        this.displayName = displayName;
        this.description = description;
        this.baseSettings = baseSettings;
        this.backend = backend;
    }

    /** The request rate {@code seconds} after the scenario started; constant at the base rate unless overridden. */
    public double rateAt(double seconds, LoadSettings base) {
        return base.ratePerSecond();
    }

    /** The HTTP backend's settings at the start, or null for a scenario of simulated work. */
    public BackendSettings backend() {
        return backend;
    }

    /**
     * The backend's settings {@code seconds} after the scenario started from {@code base} (its own
     * {@link #backend()}, or settings tuned from there); {@code base} unless overridden.
     */
    public BackendSettings backendAt(double seconds, BackendSettings base) {
        return base;
    }

    /** A short name for menus and legends. */
    public String displayName() {
        return displayName;
    }

    /** One sentence saying what the scenario demonstrates. */
    public String description() {
        return description;
    }

    /** The settings the scenario starts from; its rate function scales {@code ratePerSecond}. */
    public LoadSettings baseSettings() {
        return baseSettings;
    }

    /** The pool the scenarios are tuned for: 2–16 workers, threshold 50, capacity 2,000, 500 ms timeout, 2 retries. */
    public static PoolConfig suggestedConfig() {
        return PoolConfig.builder()
                .workers(2, 16)
                .loadThreshold(50)
                .queueCapacity(2000)
                .requestTimeout(Duration.ofMillis(500))
                .maxRetries(2)
                .build();
    }

    /** Keeps a scaled rate inside what {@link LoadSettings} accepts. */
    static double clampRate(double rate) {
        return Math.max(LoadSettings.MIN_RATE, Math.min(LoadSettings.MAX_RATE, rate));
    }

    /** An HTTP scenario's load: one request type, Poisson arrivals; the service time shown is the backend's mean. */
    private static LoadSettings httpSettings(double rate) {
        return new LoadSettings(rate, Arrivals.POISSON, ServiceTime.LOG_NORMAL, Duration.ofMillis(20), 0, 0,
                Map.of(PROXY_TYPE, 1.0));
    }

    private static LoadSettings settings(double rate, Arrivals arrivals, ServiceTime shape, long meanMillis,
                                         double failure, double hang) {
        return new LoadSettings(rate, arrivals, shape, Duration.ofMillis(meanMillis), failure, hang,
                Map.of("read", 3.0, "write", 1.0));
    }
}
