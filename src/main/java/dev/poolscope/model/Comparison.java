package dev.poolscope.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.poolscope.compare.Score;
import dev.poolscope.compare.ScoreKeeper;
import dev.poolscope.compare.Side;
import dev.poolscope.compare.Verdict;
import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.load.LoadGenerator;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Two pools, A and B, on one load: the model behind the A/B window. FX-thread confined.
 *
 * <p>Each side is a {@link Lab} of its own (pool, settings, history, sampler, event log) whose own load generator is
 * never started: one {@link LoadGenerator#fanOut fan-out generator} draws every request once and hands the same
 * request to both pools. One {@link Timeline} ticks both samplers in the same pulse, so the two histories share a
 * time axis, then updates each side's {@link Score} from the pool's whole-life snapshot and the {@link Verdict}.
 *
 * <p>Lifecycle: READY (pools idle at min) → RUNNING ⇄ PAUSED → STOPPING (the load has ended, the score is frozen,
 * both pools drain for at most {@link #STOP_DEADLINE}) → STOPPED (both pools and the generator gone); starting again
 * runs fresh pools with each side's settings. Settings change live while the pools run, not once they stop.
 */
public final class Comparison {

    /** Where the comparison stands, as the buttons see it. */
    public enum Phase { READY, RUNNING, PAUSED, STOPPING, STOPPED }

    /** How long Stop lets the pools drain before their leftovers are handed back. */
    public static final Duration STOP_DEADLINE = Duration.ofSeconds(1);
    /** The pools' names: their threads are {@code poolscope-ab-a-worker-N} and so on. */
    public static final Map<Side, String> POOL_NAMES = Map.of(Side.A, "poolscope-ab-a", Side.B, "poolscope-ab-b");

    private final Map<Side, Lab> labs;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final DoubleProperty ratePerSecond = new SimpleDoubleProperty(this, "ratePerSecond");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.READY);
    private final Map<Side, ReadOnlyObjectWrapper<Score>> scores = Map.of(
            Side.A, new ReadOnlyObjectWrapper<>(this, "scoreA", Score.NONE),
            Side.B, new ReadOnlyObjectWrapper<>(this, "scoreB", Score.NONE));
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict",
            Verdict.of(Score.NONE, Score.NONE));
    private final ReadOnlyLongWrapper generated = new ReadOnlyLongWrapper(this, "generated");
    private final ReadOnlyObjectWrapper<String> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final Timeline timeline;
    private final List<Runnable> afterTick = new CopyOnWriteArrayList<>();
    private Map<Side, ScoreKeeper> keepers;
    private LoadGenerator generator;
    private LoadSettings settings;
    private long ticks;
    private long totalTickNanos;
    private long worstTickNanos;

    /** Two idle pools with configs {@code a} and {@code b}, ready to be fed {@code initial} when started. */
    public Comparison(PoolConfig a, PoolConfig b, Scenario initial, javafx.util.Duration samplePeriod,
                      int samplesKept) {
        if (initial.backend() != null) {
            throw new IllegalArgumentException(initialRefusal(initial));
        }
        labs = Map.of(Side.A, side(Side.A, a, initial, samplePeriod, samplesKept),
                Side.B, side(Side.B, b, initial, samplePeriod, samplesKept));
        settings = initial.baseSettings();
        scenario.set(initial);
        ratePerSecond.set(settings.ratePerSecond());
        scenario.addListener((o, was, picked) -> pickScenario(was, picked));
        ratePerSecond.addListener((o, was, rate) -> changeRate(rate.doubleValue()));
        timeline = new Timeline(new KeyFrame(samplePeriod, e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    private static Lab side(Side side, PoolConfig config, Scenario scenario, javafx.util.Duration period, int kept) {
        return new Lab(c -> Dispatcher.start(POOL_NAMES.get(side), c, Map.of()), config, scenario, period, kept);
    }

    /** The default B for an A: the same pool under the HPA policy, or under the threshold rule when A is the HPA. */
    public static PoolConfig challenger(PoolConfig a) {
        String other = a.scalingPolicy().name().equals("hpa") ? "threshold" : "hpa";
        return a.toBuilder().scalingPolicy(ScalingPolicy.withDefaults(other)).build();
    }

    /** True for the scenarios both pools can be fed: simulated work, not real HTTP through one pool's front. */
    public static boolean feedsBoth(Scenario s) {
        return s.backend() == null;
    }

    /** Starts sampling both pools (the charts move; the load does not start until {@link #start()}). */
    public void startSampling() {
        timeline.play();
    }

    /** Starts the load on both pools, resumes it when paused, or starts a fresh run (fresh pools) once stopped. */
    public void start() {
        switch (phase.get()) {
            case PAUSED -> {
                generator.resume();
                phase.set(Phase.RUNNING);
            }
            case READY, STOPPED -> {
                if (phase.get() == Phase.STOPPED) {
                    labs.values().forEach(Lab::restart);
                }
                generator = LoadGenerator.fanOut(List.of(pool(Side.A), pool(Side.B)), settings);
                generator.setScenario(scenario.get());
                generator.setSettings(settings);
                keepers = Map.of(Side.A, new ScoreKeeper(pool(Side.A).scalingEventCount()),
                        Side.B, new ScoreKeeper(pool(Side.B).scalingEventCount()));
                scores.values().forEach(s -> s.set(Score.NONE));
                verdict.set(Verdict.of(Score.NONE, Score.NONE));
                problem.set(null);
                generated.set(0);
                generator.start();
                phase.set(Phase.RUNNING);
            }
            default -> {
                // Running already, or still stopping: nothing to do.
            }
        }
    }

    /** Pauses the load; the pools go on draining what they hold, and the score goes on counting. */
    public void pause() {
        if (phase.get() == Phase.RUNNING) {
            generator.pause();
            phase.set(Phase.PAUSED);
        }
    }

    /**
     * Ends the run: stops the generator (its thread is gone when this returns), freezes the score, and shuts both
     * pools down with {@link #STOP_DEADLINE}; the phase becomes STOPPED once both have stopped.
     */
    public void stop() {
        if (phase.get() != Phase.RUNNING && phase.get() != Phase.PAUSED) {
            return;
        }
        endLoad();
        keepScore();
        keepers = null;
        labs.values().forEach(lab -> lab.shutdown(STOP_DEADLINE));
        phase.set(Phase.STOPPING);
    }

    /**
     * Stops sampling and the load and begins shutting both pools down; returns at once. Completes when both pools
     * have stopped, within {@code deadline} plus their grace.
     */
    public CompletableFuture<Void> close(Duration deadline) {
        timeline.stop();
        endLoad();
        CompletableFuture<?>[] closing = labs.values().stream().map(lab -> lab.close(deadline))
                .toArray(CompletableFuture[]::new);
        phase.set(Phase.STOPPED);
        return CompletableFuture.allOf(closing);
    }

    /** Takes one sample of both pools now; the timeline calls this, tests may too. */
    public void tick() {
        long began = System.nanoTime();
        labs.values().forEach(lab -> lab.sampler().tick());
        if (generator != null) {
            generated.set(generator.generated());
            if (generator.state() == LoadGenerator.State.FAILED && problem.get() == null) {
                problem.set("load generator failed: " + generator.failure());
            }
        }
        if (keepers != null) {
            keepScore();
        }
        if (phase.get() == Phase.STOPPING && labs.values().stream()
                .allMatch(lab -> lab.phaseProperty().get() == Lab.Phase.STOPPED)) {
            phase.set(Phase.STOPPED);
        }
        afterTick.forEach(Runnable::run);
        long took = System.nanoTime() - began;
        ticks++;
        totalTickNanos += took;
        worstTickNanos = Math.max(worstTickNanos, took);
    }

    /** A line on the FX thread's cost per tick so far (both samplers, the score and the redraw): mean and worst. */
    public String tickCostSummary() {
        return String.format(Locale.ROOT, "A/B window: FX time per tick over %d ticks: mean %.2f ms, "
                + "worst %.2f ms", ticks, ticks == 0 ? 0 : totalTickNanos / 1e6 / ticks, worstTickNanos / 1e6);
    }

    /** Runs after every tick, on the FX thread; views redraw here. */
    public void onTick(Runnable redraw) {
        afterTick.add(redraw);
    }

    private void keepScore() {
        for (Side side : Side.values()) {
            Dispatcher pool = pool(side);
            scores.get(side).set(keepers.get(side).observe(pool.snapshot(), pool.scalingEventCount()));
        }
        verdict.set(Verdict.of(score(Side.A), score(Side.B)));
    }

    private void endLoad() {
        if (generator != null) {
            generator.stop();
            generated.set(generator.generated());
            generator = null;
        }
    }

    private void pickScenario(Scenario was, Scenario picked) {
        if (picked == null || !feedsBoth(picked)) {
            problem.set(picked == null ? "pick a scenario" : initialRefusal(picked));
            scenario.set(was);
            return;
        }
        settings = picked.baseSettings();
        ratePerSecond.set(settings.ratePerSecond());
        if (generator != null) {
            generator.setScenario(picked);
            generator.setSettings(settings);
        }
    }

    private void changeRate(double rate) {
        if (rate == settings.ratePerSecond()) {
            return;
        }
        try {
            settings = settings.withRatePerSecond(rate);
        } catch (IllegalArgumentException refused) {
            problem.set(refused.getMessage());
            ratePerSecond.set(settings.ratePerSecond());
            return;
        }
        if (generator != null) {
            generator.setSettings(settings);
        }
    }

    private static String initialRefusal(Scenario s) {
        return "scenario " + s.displayName() + " sends real HTTP through one pool's front, so it cannot feed two pools: "
                + "pick a scenario of simulated work";
    }

    private Dispatcher pool(Side side) {
        return labs.get(side).dispatcher();
    }

    /** The side's lab: its pool, settings, history and log. */
    public Lab lab(Side side) {
        return labs.get(side);
    }

    /** The side's score so far (frozen once the run is stopped). */
    public Score score(Side side) {
        return scores.get(side).get();
    }

    /** The side's score so far, as a property. */
    public ReadOnlyObjectProperty<Score> scoreProperty(Side side) {
        return scores.get(side).getReadOnlyProperty();
    }

    /** Which side leads, and why. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The load both pools are fed; simulated-work scenarios only ({@link #feedsBoth}). */
    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    /** The scenario's base rate in requests per second; picking a scenario resets it to that scenario's. */
    public DoubleProperty ratePerSecondProperty() {
        return ratePerSecond;
    }

    /** Ready, running, paused, stopping or stopped. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Requests drawn so far in this run, each sent to both pools. */
    public ReadOnlyLongProperty generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    /** The last refused choice or the generator's failure, or null. */
    public ReadOnlyObjectProperty<String> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
