package dev.poolscope.cli;

import java.util.Locale;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;

/** The {@code --help} text. */
final class Usage {

    private Usage() {
    }

    /**
     * Every flag with its default and range, then examples. Ranges come from the same constants the parser and
     * the engine check, and numbers are printed in ASCII digits whatever the locale, as the parser reads them.
     */
    static String text() {
        PoolConfig d = Scenario.suggestedConfig();
        StringBuilder scenarios = new StringBuilder();
        for (String name : Options.SCENARIO_NAMES) {
            scenarios.append(String.format(Locale.ROOT, "    %-14s %s%n", name,
                    Options.SCENARIOS.get(name).description()));
        }
        String text = """
                Usage: poolscope [--headless | --smoke | --version | --help] [options]

                Without a mode flag PoolScope opens its window, with the pool flags as its starting
                settings; --scenario there starts that demo at once. Flags take a value as the next
                argument or after '=' (--min 4 or --min=4). Durations: 500ms, 30s, 1.5s, 2m, 1h, 1d.

                Modes
                  --headless            run a scenario without a window; print a summary, optionally write CSV
                  --smoke               run the engine for about a second and print one line (exit 0 if sound)
                  --tournament          run each scaling policy on the same seeded load, print them ranked
                  --compare             open the window with the A/B comparison: pool A from the pool flags,
                                        B the same under hpa (threshold if A is hpa), fed one load; with
                                        --scenario (not an HTTP one) the load starts at once
                  --version             print the version
                  --help, -h            print this help

                Load
                  --scenario NAME       the load to run (default steady):
                %s  --rate R              requests per second, replacing the scenario's base rate (%s..%s)
                  --duration DUR        how long to run (default %s; %s for --smoke; %s..%s)
                  --seed N              repeat the same random load (default: a fresh seed each run)

                Pool (defaults are the dashboard's)
                  --min N               least workers (default %d; 1..%d)
                  --max N               most workers (default %d; 1..%d)
                  --threshold N         queued requests above which the pool grows (default %d; 1..%d)
                  --capacity N          queue capacity (default %d; 1..%d)
                  --timeout DUR         time one attempt may run, 0 for no limit (default %s; 0..%s)
                  --retries N           retries after a failed or timed-out attempt (default %d; 0..%d)
                  --policy P            when the queue is full: drop-newest (default), drop-oldest, block,
                                        caller-runs

                HTTP backend (only with an http-… scenario; each replaces the scenario's own setting)
                  --backend-latency S   latency shape: constant, log-normal or heavy-tailed
                  --backend-mean DUR    mean latency without load (0ms..%s)
                  --backend-errors F    fraction of calls answered 500 (0..1)
                  --backend-limit N     calls in flight served at full speed; above it each slows (1..%d)
                  --backend-reject-above N  calls in flight above which it answers 503 at once
                                        (--backend-limit..%d)

                Scaling (how the pool picks its size; see docs/POLICIES.md)
                  --scaling NAME        threshold (default), hpa, backlog, capacity or aimd
                  --policies A,B,...    a tournament's entrants (default: all five)
                  --down-window DUR     shrink only to the highest aim over this window (default 3s; 0..1h)
                  --cooldown DUR        least time between two size changes (default 0s; 0..1h)
                  --hpa-metric M        utilisation (default) or queue (queued requests per worker)
                  --hpa-target X        target utilisation (default 0.8) or queue per worker (default 10)
                  --hpa-tolerance X     no change within this fraction of the target (default 0.1; 0..0.5)
                  --backlog-target X    queued + running requests per worker (default 2; 0.1..10000000)
                  --capacity-wait P     largest Erlang C chance of waiting (default 0.2; 0.001..0.999)
                  --capacity-utilisation X  largest utilisation (default 0.9; 0.01..1)
                  --aimd-target DUR     run-time p99 above which AIMD backs off (default 100ms; 1ms..1h)
                  --aimd-factor X       what a back-off multiplies the pool by (default 0.9; 0.1..0.99)
                  --settle DUR          leave the first DUR out of events/min and direction changes (default 0s)

                Output
                  --interval DUR        sampling interval, one CSV row each (default %s; %s..%s)
                  --jmx NAME            register the pool as the MXBean dev.poolscope:type=Pool,name=NAME in
                                        this JVM, for JConsole or VisualVM to watch and tune (the JVM opens
                                        no port unless started with com.sun.management.jmxremote.port)
                  --csv FILE            write per-interval pool metrics as CSV (a tournament: its table)
                  --json FILE           a tournament's table as JSON

                Watch another JVM (no pool or load runs here; the window opens read-only)
                  --connect TARGET      a local pid, host:port, or a service:jmx: URL
                  --pool NAME           the pool to watch there (needed when it has several)
                  with --headless --csv FILE --duration DUR: record that pool, same CSV columns

                Exit codes: 0 ok, 1 the run failed (a request went unaccounted, or the load generator
                died), 2 bad arguments.

                Examples
                  poolscope                                          open the window
                  poolscope --scenario burst --max 8                 open it with the burst demo running
                  poolscope --smoke
                  poolscope --headless --scenario burst --duration 30s --csv burst.csv
                  poolscope --headless --scenario slow --max 32 --capacity 5000
                  poolscope --headless --scenario flaky --retries 0 --timeout 200ms --seed 42
                  poolscope --headless --scenario steady --rate 10000 --duration 20s
                      the classic article load: 10,000 requests/s of ~1 ms work (about 10 busy workers)
                  poolscope --headless --scenario burst --duration 10m --jmx demo
                      a pool to watch in JConsole (jconsole, then pick the poolscope process)
                  poolscope --headless --scenario http-saturates --max 6 --backend-limit 8
                      the lesson of backend saturates: fewer workers than the backend's limit
                  poolscope --headless --scenario burst --scaling hpa --hpa-metric queue --hpa-target 10
                  poolscope --tournament --scenario burst --policies threshold,hpa,backlog,capacity,aimd
                            --duration 60s --seed 1 --csv table.csv --json table.json
                  poolscope --compare --scenario burst               threshold vs hpa, same burst load
                  poolscope --connect 4242 --pool orders              watch pid 4242's pool orders
                  poolscope --connect localhost:9010 --headless --csv orders.csv --duration 60s
                """;
        return String.format(Locale.ROOT, text, scenarios,
                FlagValues.plain(LoadSettings.MIN_RATE), FlagValues.plain(LoadSettings.MAX_RATE),
                DurationText.format(Options.DEFAULT_DURATION), DurationText.format(Options.SMOKE_DURATION),
                DurationText.format(Options.MIN_DURATION), DurationText.format(Options.MAX_DURATION),
                d.minWorkers(), PoolConfig.WORKER_LIMIT, d.maxWorkers(), PoolConfig.WORKER_LIMIT,
                d.loadThreshold(), PoolConfig.THRESHOLD_LIMIT, d.queueCapacity(), PoolConfig.CAPACITY_LIMIT,
                DurationText.format(d.requestTimeout()), DurationText.format(PoolConfig.DURATION_LIMIT),
                d.maxRetries(), PoolConfig.RETRY_LIMIT,
                DurationText.format(BackendSettings.MAX_MEAN_LATENCY), BackendSettings.MAX_LIMIT,
                BackendSettings.MAX_LIMIT,
                DurationText.format(Options.DEFAULT_INTERVAL), DurationText.format(Options.MIN_INTERVAL),
                DurationText.format(Options.MAX_INTERVAL));
    }
}
