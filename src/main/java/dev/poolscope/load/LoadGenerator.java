package dev.poolscope.load;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.HttpPath;

/**
 * An open-loop load generator: it submits requests at the rate its {@link LoadSettings} (and optional
 * {@link Scenario}) ask for and never waits for their outcomes, so a slow pool shows up as a growing queue and
 * drops, not as a generator that politely slows down. (Under the {@code BLOCK} and {@code CALLER_RUNS} overflow
 * policies the pool itself pushes back by holding the submitting thread; that is those policies' point.)
 *
 * <p>One daemon thread named {@value #THREAD_NAME} does the work. Timers cannot wake once per request at
 * thousands per second, so it wakes about every millisecond and:
 * 1. measures the time since its previous wakeup on the injected clock;
 * 2. asks the arrival process how many arrivals fell in that time (constant: {@code rate × dt} with the fraction
 *    carried over; Poisson: exponential gaps), capped at {@value #MAX_CATCH_UP_MILLIS} ms worth, so a thread
 *    that was starved or paused resumes at its rate instead of firing the backlog as one burst;
 * 3. submits that many requests, each with a type drawn from the mix and a {@link WorkPlan} as its payload.
 *
 * <p>An HTTP scenario ({@link Scenario#backend()} not null) sends real HTTP requests instead, through an
 * {@link HttpPath} of its own (client → front → pool → backend), opened when the scenario is chosen and closed
 * when another is, when the pool is replaced ({@link #retarget}) and on {@link #stop()}. Its backend runs the
 * scenario's {@link Scenario#backendAt} of the base settings as the scenario's clock runs; the base starts as the
 * scenario's own and is tuned with {@link #setBackendSettings}, which outlives a new pool but not a new scenario.
 *
 * <p>A generator may feed several pools at once ({@link #fanOut}), for an A/B comparison: each arrival is drawn
 * once, type and {@link WorkPlan} included, and the same request goes to every pool, so they meet the same load,
 * retry draws included (the plan carries its retry seed). Which pool is handed an arrival first rotates from one
 * arrival to the next, so no pool always gets the head start. Under {@code BLOCK} or {@code CALLER_RUNS} a full pool
 * holds the one generator thread and so delays the arrival for the others too. HTTP scenarios drive one pool only.
 *
 * <p>Threads: the control methods may be called from any thread (the JavaFX thread, typically) and return at once,
 * except {@link #stop()}, which joins the generator thread; {@link #stopAsync()} leaves that wait to a thread of its
 * own. Settings and scenario are swapped atomically through one reference, read once per wakeup. The random
 * generator is used by the generator thread only.
 */
public final class LoadGenerator {

    /** The generator thread's name. */
    public static final String THREAD_NAME = "poolscope-load";
    /** The name of the short-lived thread that finishes a {@link #stopAsync()}. */
    public static final String STOPPER_THREAD_NAME = "poolscope-load-stopper";
    /** The most time one wakeup catches up on, in milliseconds. */
    public static final long MAX_CATCH_UP_MILLIS = 20;

    private static final long MAX_CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_CATCH_UP_MILLIS);
    /** Lets a few Poisson arrivals share one wakeup even at low rates, where the time-based cap rounds to zero. */
    private static final int MIN_BATCH_CAP = 16;
    private static final long NEVER = Long.MIN_VALUE;

    /**
     * The generator's lifecycle: NEW → RUNNING ⇄ PAUSED → STOPPED, or FAILED when the generator thread died of an
     * exception ({@link #failure()} says which); neither a stopped nor a failed generator can restart.
     */
    public enum State { NEW, RUNNING, PAUSED, STOPPED, FAILED }

    /**
     * Settings, scenario and the backend's base settings (null without an HTTP scenario), swapped together;
     * {@code epoch} moves when a scenario (re)starts its clock.
     */
    private record Program(LoadSettings settings, Scenario scenario, BackendSettings backend, long epoch) {
    }

    private final AtomicReference<Program> program;
    private final AtomicLong generated = new AtomicLong();
    // Its monitor also guards opening and closing the HTTP path, so none opens after a stop.
    private final GeneratorThread lifecycle = new GeneratorThread(this::tick, this::pausedTick);
    // Replaced whole, never changed in place; at least one pool.
    private volatile List<Dispatcher> targets;
    private volatile Consumer<Outcome> outcomeListener;
    private volatile double currentRate;
    private final HttpLeg http = new HttpLeg(lifecycle, this::hear);
    // Written by the generator thread each wakeup; volatile so a backend tuned from another thread steps in time.
    private volatile double scenarioSeconds;

    // Owned by the generator thread, or by a test calling tick() while no thread runs.
    private final RandomGenerator random;
    private final LongSupplier clock;
    private final ArrivalCounter arrivals;
    private long lastTick = NEVER;
    private long scenarioNanos;
    private long seenEpoch;
    private long arrivalsSent;

    /** A generator with a fresh random seed and the system clock. */
    public LoadGenerator(Dispatcher dispatcher, LoadSettings settings) {
        this(dispatcher, settings, new SplittableRandom(), System::nanoTime);
    }

    /** A generator with an injected random generator and clock ({@link System#nanoTime()} semantics). */
    public LoadGenerator(Dispatcher dispatcher, LoadSettings settings, RandomGenerator random, LongSupplier clock) {
        this(List.of(Objects.requireNonNull(dispatcher, "dispatcher")), settings, random, clock);
    }

    /**
     * A generator that sends every request it draws to each of {@code pools} (see the class comment), with an
     * injected random generator and clock.
     */
    public LoadGenerator(List<Dispatcher> pools, LoadSettings settings, RandomGenerator random, LongSupplier clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Gaps draw from a stream of their own: how many a wake-up draws must not shift the requests' own draws.
        this.arrivals = new ArrivalCounter(new SplittableRandom(random.nextLong()));
        this.program = new AtomicReference<>(new Program(Objects.requireNonNull(settings, "settings"), null, null, 0));
        this.currentRate = settings.ratePerSecond();
        List<Dispatcher> all = List.copyOf(pools);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("pools is empty: a generator needs at least one pool to feed");
        }
        for (Dispatcher pool : all) {
            http.registerHandlers(pool, settings.typeMix().keySet());
        }
        targets = all;
    }

    /** A generator, fresh seed and system clock, that feeds each of {@code pools} the same requests. */
    public static LoadGenerator fanOut(List<Dispatcher> pools, LoadSettings settings) {
        return new LoadGenerator(pools, settings, new SplittableRandom(), System::nanoTime);
    }

    /** A generator that sends the same requests (types, plans) for the same {@code seed}; only arrival times shift. */
    public static LoadGenerator seeded(Dispatcher dispatcher, LoadSettings settings, long seed) {
        return new LoadGenerator(dispatcher, settings, new SplittableRandom(seed), System::nanoTime);
    }

    /** Starts the generator thread; does nothing if already started. */
    public void start() {
        lifecycle.start();
    }

    /** Stops submitting until {@link #resume()}; paused time does not count toward the scenario's clock. */
    public void pause() {
        lifecycle.pause();
    }

    /** Resumes after {@link #pause()}, at the current rate and without catching up on the pause. */
    public void resume() {
        lifecycle.resume();
    }

    /**
     * Stops for good, waits for the generator thread to end and closes the HTTP path, if any; safe to call more
     * than once. If the thread is held inside the pool (a blocking overflow policy, or running a request itself
     * under caller-runs), it is interrupted. A failed generator stays FAILED, so its cause stays visible.
     */
    public void stop() {
        stopGenerating();
        http.close();
    }

    /**
     * Stops for good and returns at once; the future completes once the generator thread has ended and the HTTP
     * path is closed, as {@link #stop()} would have waited for, on a thread named {@value #STOPPER_THREAD_NAME}. After
     * this returns the thread draws no new request; one it had drawn already may still be submitted, and one under
     * way (the thread held by a full pool under {@code BLOCK}, or running a request itself under
     * {@code CALLER_RUNS}) ends as the pool lets it, and is interrupted if it takes longer than a moment.
     */
    public CompletableFuture<Void> stopAsync() {
        return lifecycle.stopAsync(http::close, STOPPER_THREAD_NAME);
    }

    /**
     * Like {@link #stop()} but leaves the HTTP path open, so requests already sent can finish while the pool drains;
     * {@link #stop()} closes it afterwards.
     */
    public void stopGenerating() {
        lifecycle.stop();
    }

    /** Applies new settings from the next wakeup (within about a millisecond); the scenario, if any, stays. */
    public void setSettings(LoadSettings settings) {
        Objects.requireNonNull(settings, "settings");
        registerAll(settings.typeMix().keySet());
        program.updateAndGet(p -> new Program(settings, p.scenario(), p.backend(), p.epoch()));
    }

    /**
     * Follows {@code scenario} from its start, with its base settings; null returns to manual settings at the
     * current base rate. Call {@link #setSettings} afterwards to tweak the scenario's base, and
     * {@link #setBackendSettings} to tune an HTTP scenario's backend.
     */
    public void setScenario(Scenario scenario) {
        List<Dispatcher> pools = targets;
        if (scenario != null && scenario.backend() != null && pools.size() > 1) {
            throw new IllegalArgumentException("scenario " + scenario.displayName() + " sends real HTTP through "
                    + "one pool's front: a generator that feeds " + pools.size() + " pools runs simulated work only");
        }
        LoadSettings next = scenario != null ? scenario.baseSettings() : program.get().settings();
        synchronized (lifecycle) {
            http.close();
            if (scenario != null && scenario.backend() != null && !lifecycle.ended()) {
                http.open(pools.get(0), next.typeMix().keySet(), scenario.backend());
                scenarioSeconds = 0;
            }
        }
        registerAll(next.typeMix().keySet());
        program.updateAndGet(p -> new Program(scenario != null ? next : p.settings(), scenario,
                scenario != null ? scenario.backend() : null, p.epoch() + 1));
    }

    /**
     * Makes {@code base} the HTTP scenario's backend settings, applied to the running backend at once (through the
     * scenario's steps, so a brown-out stays one) and kept for the backends of later pools.
     *
     * @throws IllegalStateException if the scenario followed is not an HTTP one
     */
    public void setBackendSettings(BackendSettings base) {
        Objects.requireNonNull(base, "base");
        Program p = program.updateAndGet(q -> {
            if (q.backend() == null) {
                throw new IllegalStateException("the scenario " + (q.scenario() == null ? "(none)"
                        : q.scenario().displayName()) + " has no HTTP backend to tune");
            }
            return new Program(q.settings(), q.scenario(), base, q.epoch());
        });
        HttpPath path = http.path();
        if (path != null) {
            path.backend().setSettings(p.scenario().backendAt(scenarioSeconds, base));
        }
    }

    /** The HTTP scenario's backend settings before its steps (see {@link #setBackendSettings}); null if none. */
    public BackendSettings backendSettings() {
        return program.get().backend();
    }

    /**
     * Sends future requests to {@code target} instead, e.g. after the pool was restarted with a new config. A
     * generator that feeds several pools feeds them for life: make a new one for new pools.
     */
    public void retarget(Dispatcher target) {
        Objects.requireNonNull(target, "dispatcher");
        if (targets.size() > 1) {
            throw new IllegalStateException("this generator feeds " + targets.size() + " pools; make a new one to "
                    + "feed others");
        }
        Program p = program.get();
        synchronized (lifecycle) {
            if (http.path() != null) {
                // A new pool is a new run: a fresh backend, front and client, none of the old one's connections.
                http.open(target, p.settings().typeMix().keySet(),
                        p.scenario().backendAt(scenarioSeconds, p.backend()));
            }
        }
        http.registerHandlers(target, p.settings().typeMix().keySet());
        targets = List.of(target);
    }

    /** The HTTP path of the HTTP scenario being followed, to read its backend's figures; null otherwise. */
    public HttpPath httpPath() {
        return http.path();
    }

    /**
     * Calls {@code listener} with the outcome of every request submitted from now on, in every pool fed (null: none);
     * keep it quick.
     */
    public void setOutcomeListener(Consumer<Outcome> listener) {
        outcomeListener = listener;
    }

    /** Sets {@link #generated()} back to zero. */
    public void resetCounters() {
        generated.set(0);
    }

    /**
     * Requests this generator has submitted since it was created or its counters were reset, dropped ones included;
     * a request sent to each of several pools counts once.
     */
    public long generated() {
        return generated.get();
    }

    /** The rate the generator aimed at in its latest wakeup, after the scenario's rate function. */
    public double currentRatePerSecond() {
        return currentRate;
    }

    /** The settings in force. */
    public LoadSettings settings() {
        return program.get().settings();
    }

    /** The scenario being followed, or null for manual settings. */
    public Scenario scenario() {
        return program.get().scenario();
    }

    /** The lifecycle state. */
    public State state() {
        return lifecycle.state();
    }

    /** What ended the generator thread unexpectedly, or null; the generator is then FAILED unless already stopping. */
    public Throwable failure() {
        return lifecycle.failure();
    }

    /** The pools this generator feeds: one, or several for a {@link #fanOut}. */
    public List<Dispatcher> targets() {
        return targets;
    }

    private void registerAll(Collection<String> types) {
        for (Dispatcher pool : targets) {
            http.registerHandlers(pool, types);
        }
    }

    /** Passes an outcome heard by the HTTP front on to the listener. */
    private void hear(Outcome outcome) {
        Consumer<Outcome> listener = outcomeListener;
        if (listener != null) {
            listener.accept(outcome);
        }
    }

    /** A paused generator forgets its clock, so it resumes without catching up on the pause. */
    private void pausedTick() {
        lastTick = NEVER;
        arrivals.reset();
    }

    /**
     * One wakeup's work: submits the arrivals due since the previous call and returns how many. The first call
     * only starts the clock. Called by the generator thread; tests call it directly, with no thread started.
     */
    int tick() {
        long now = clock.getAsLong();
        if (lastTick == NEVER) {
            lastTick = now;
            return 0;
        }
        long elapsed = Math.max(0, now - lastTick);
        lastTick = now;
        Program p = program.get();
        if (p.epoch() != seenEpoch) {
            seenEpoch = p.epoch();
            scenarioNanos = 0;
        }
        scenarioNanos += elapsed;
        scenarioSeconds = scenarioNanos / 1e9;
        followBackend(p);
        LoadSettings s = p.settings();
        double rate = p.scenario() == null ? s.ratePerSecond()
                : Scenario.clampRate(p.scenario().rateAt(scenarioNanos / 1e9, s));
        currentRate = rate;
        int cap = (int) Math.max(MIN_BATCH_CAP, Math.ceil(rate * MAX_CATCH_UP_NANOS / 1e9));
        int due = arrivals.due(s.arrivals(), rate, elapsed / 1e9, cap);
        return submit(due, s);
    }

    /** Keeps the backend at the scenario's step of the base settings, whoever changed either last. */
    private void followBackend(Program p) {
        if (p.backend() != null) {
            http.follow(p.scenario().backendAt(scenarioSeconds, p.backend()));
        }
    }

    /**
     * Submits up to {@code n} arrivals and returns how many it did: none once the generator is stopped, even part way
     * through a batch (a submit can take long, running the request itself under caller-runs or waiting for room).
     */
    private int submit(int n, LoadSettings s) {
        HttpPath path = http.path();
        if (path != null) {
            for (int i = 0; i < n; i++) {
                if (lifecycle.ended()) {
                    return i;
                }
                path.send(s.sampleType(random));
                generated.incrementAndGet();
            }
            return n;
        }
        List<Dispatcher> pools = targets;
        int count = pools.size();
        Consumer<Outcome> listener = outcomeListener;
        for (int i = 0; i < n; i++) {
            if (lifecycle.ended()) {
                return i;
            }
            String type = s.sampleType(random);
            WorkPlan plan = WorkPlan.sample(s, random);
            // Drawn once, sent to every pool; the pool served first rotates, so none always gets the head start.
            int first = (int) (arrivalsSent++ % count);
            for (int k = 0; k < count; k++) {
                CompletableFuture<Outcome> outcome = pools.get((first + k) % count).submit(type, plan);
                if (listener != null) {
                    outcome.thenAccept(listener);
                }
            }
            generated.incrementAndGet();
        }
        return n;
    }
}
