package dev.poolscope.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.load.LoadGenerator;

class HeadlessRunnerTest {

    @Test
    void aRunWhoseGeneratorDiedFailsAndSaysWhy() throws Exception {
        Options options = Options.parse("--headless", "--duration", "100ms", "--seed", "1");
        RunReport report = new HeadlessRunner(options, (pool, settings, seed) -> new LoadGenerator(pool, settings,
                new SplittableRandom(seed), () -> {
                    throw new IllegalStateException("clock broke");
                })).run();
        assertTrue(report.invariantHolds(), "nothing was lost, yet the run proves little");
        assertFalse(report.passed());
        assertTrue(report.summary().contains("; the load generator FAILED: java.lang.IllegalStateException: clock"
                + " broke"), report.summary());
        assertTrue(report.smokeLine().startsWith("PoolScope smoke FAILED: "), report.smokeLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-healthy", "http-saturates", "http-brownout"})
    void aShortHttpRunAccountsForEveryRequestAndLeavesNoThreadOfItsPath(String scenario) throws Exception {
        Options options = Options.parse("--headless", "--scenario", scenario, "--duration", "1s", "--rate", "2000",
                "--seed", "5");

        RunReport report = new HeadlessRunner(options).run();

        assertTrue(report.passed(), report.summary());
        assertTrue(report.last().invariantHolds(), report.summary());
        assertTrue(report.http().answered() > 0 && report.http().backend().answered() > 0, report.summary());
        assertEquals(report.http().sent(), report.http().answered() + report.http().unanswered(),
                "every request the client sent has its answer in the report: " + report.summary());
        assertEquals(report.http().answered(), report.last().submitted(),
                "every answered request reached the pool before its final figures were read: " + report.summary());
        assertTrue(report.summary().contains("  backend     "), report.summary());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(), liveThreads()));
    }

    @Test
    void theBackendFlagsReachTheRunsBackend() throws Exception {
        Options options = Options.parse("--headless", "--scenario", "http-healthy", "--duration", "500ms", "--rate",
                "50", "--seed", "3", "--backend-latency", "constant", "--backend-mean", "5ms", "--backend-errors", "1");

        RunReport report = new HeadlessRunner(options).run();

        assertTrue(report.last().invariantHolds(), report.summary());
        assertTrue(report.http().backend().answered() > 0, report.summary());
        assertEquals(report.http().backend().answered(), report.http().backend().serverErrors(),
                "every call answered 500: " + report.summary());
        assertTrue(report.summary().contains("  backend     constant, mean 5ms, errors 1, limit 32, reject above 64 "
                + "(--backend-… flags)"), report.summary());
    }

    private static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("poolscope-backend") || n.startsWith("poolscope-front")
                        || n.startsWith("poolscope-proxy-client") || n.startsWith("poolscope-load-client")
                        || n.startsWith("HTTP-Dispatcher") || n.startsWith("idle-timeout-task"))
                .sorted().toList();
    }

    @Test
    @Timeout(30)
    void jmxRegistersThePoolForTheRunAndNoLonger() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = PoolJmx.objectName("headless-run");
        AtomicBoolean registeredWhileRunning = new AtomicBoolean();
        Options options = Options.parse("--headless", "--duration", "100ms", "--seed", "1", "--jmx", "headless-run");

        RunReport report = new HeadlessRunner(options, (pool, settings, seed) -> {
            registeredWhileRunning.set(server.isRegistered(name));
            return LoadGenerator.seeded(pool, settings, seed);
        }).run();

        assertTrue(report.passed(), report.summary());
        assertTrue(registeredWhileRunning.get(), "registered before the load starts");
        assertFalse(server.isRegistered(name), "unregistered once the run is over");
    }

    @Test
    @Timeout(30)
    void theSummaryReadsTheRunAsAQueueAfterTheSettleTime() throws Exception {
        Options options = Options.parse("--headless", "--scenario", "steady", "--duration", "1500ms", "--interval",
                "100ms", "--settle", "500ms", "--seed", "1");

        RunReport report = new HeadlessRunner(options).run();

        assertTrue(report.advice() != null, report.summary());
        double seconds = report.advice().reading().seconds();
        assertTrue(seconds > 0.9 && seconds < 1.2, "the window covers the load after the settle time: " + seconds);
        assertTrue(report.advice().arrivalsPerSecond() > 100, report.summary());
        assertTrue(report.summary().contains("  advisor     M/M/c over "), report.summary());
        assertTrue(report.summary().contains(" s of load after 500ms: λ "), report.summary());
        assertTrue(report.summary().contains("mean queue wait Wq: predicted "), report.summary());
        assertTrue(report.summary().contains("workers needed for P(wait) ≤ 20 %: "), report.summary());
        int samples = report.advice().reading().levelSamples();
        assertTrue(samples >= 8, "about one level sample per 100 ms interval: " + samples);
        assertTrue(report.summary().contains(" ± ") && report.summary().contains(
                String.format(java.util.Locale.ROOT, "(%,d level samples, one per interval)", samples)),
                report.summary());
    }

    @Test
    @Timeout(30)
    void theAdvisorsWindowStartsAtTheFirstSampleAtOrAfterTheSettleTime() throws Exception {
        // Samples at 0, 400, 800, 1,200, 1,600 and 1,700 ms: the window runs from 800 ms, not from the 400 ms sample
        // before the settle time (which read 1.3 s, part of it settling).
        Options options = Options.parse("--headless", "--scenario", "steady", "--duration", "1700ms", "--interval",
                "400ms", "--settle", "500ms", "--seed", "1");

        RunReport report = new HeadlessRunner(options).run();

        assertTrue(report.advice() != null, report.summary());
        double seconds = report.advice().reading().seconds();
        assertTrue(seconds > 0.8 && seconds < 1.1, "900 ms from the 800 ms sample to the end: " + seconds);
        assertEquals(3, report.advice().reading().levelSamples(), "the 1,200 and 1,600 ms samples and the last");
    }

    @Test
    @Timeout(30)
    void aWindowShorterThanOneIntervalAfterTheSettleTimeIsNoReading() throws Exception {
        // Samples at 0, 300, 600, 900 and 1,000 ms: from 800 ms on only 100 ms is left.
        Options options = Options.parse("--headless", "--scenario", "steady", "--duration", "1s", "--interval",
                "300ms", "--settle", "800ms", "--seed", "1");

        RunReport report = new HeadlessRunner(options).run();

        assertEquals(null, report.advice(), report.summary());
        assertTrue(report.summary().contains("  advisor     no reading: the samples from 800ms on span less than one "
                + "interval (300ms); lengthen --duration or shorten --settle or --interval"), report.summary());
    }
}
