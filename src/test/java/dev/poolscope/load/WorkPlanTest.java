package dev.poolscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class WorkPlanTest {

    private static final int SAMPLES = 50_000;

    private static LoadSettings settings(ServiceTime shape, double fail, double hang) {
        return LoadSettings.defaults().withServiceTime(shape).withMeanServiceTime(Duration.ofMillis(10))
                .withFailureProbability(fail).withHangProbability(hang);
    }

    @Test
    void failsAndHangsRoughlyAsOftenAsConfigured() {
        LoadSettings s = settings(ServiceTime.FIXED, 0.3, 0.05);
        SplittableRandom random = new SplittableRandom(42);
        int fails = 0;
        int hangs = 0;
        for (int i = 0; i < SAMPLES; i++) {
            WorkPlan p = WorkPlan.sample(s, random);
            fails += p.fail() ? 1 : 0;
            hangs += p.hang() ? 1 : 0;
        }
        assertEquals(0.3, fails / (double) SAMPLES, 0.01);
        assertEquals(0.05, hangs / (double) SAMPLES, 0.005);
    }

    @Test
    void neverFailsOrHangsAtProbabilityZero() {
        LoadSettings s = settings(ServiceTime.EXPONENTIAL, 0, 0);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < SAMPLES; i++) {
            WorkPlan p = WorkPlan.sample(s, random);
            assertFalse(p.fail() || p.hang());
        }
    }

    @Test
    void fixedServiceTimeIsExactlyTheMean() {
        WorkPlan p = WorkPlan.sample(settings(ServiceTime.FIXED, 0, 0), new SplittableRandom(3));
        assertEquals(Duration.ofMillis(10), p.serviceTime());
    }

    @Test
    void exponentialAndLogNormalServiceTimesAverageToTheMean() {
        for (ServiceTime shape : new ServiceTime[] {ServiceTime.EXPONENTIAL, ServiceTime.LOG_NORMAL}) {
            SplittableRandom random = new SplittableRandom(11);
            LoadSettings s = settings(shape, 0, 0);
            double sum = 0;
            for (int i = 0; i < SAMPLES; i++) {
                sum += WorkPlan.sample(s, random).serviceNanos();
            }
            double meanMillis = sum / SAMPLES / 1e6;
            assertEquals(10.0, meanMillis, 0.4, shape + " mean");
        }
    }

    @Test
    void logNormalHasALongerTailThanExponential() {
        assertTrue(p99Millis(ServiceTime.LOG_NORMAL) > p99Millis(ServiceTime.EXPONENTIAL));
    }

    @Test
    void zeroMeanPlansNoWork() {
        LoadSettings s = settings(ServiceTime.LOG_NORMAL, 0, 0).withMeanServiceTime(Duration.ZERO);
        assertEquals(0, WorkPlan.sample(s, new SplittableRandom(5)).serviceNanos());
    }

    @Test
    void sameSeedGivesSamePlans() {
        LoadSettings s = settings(ServiceTime.EXPONENTIAL, 0.5, 0.1);
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 100; i++) {
            assertEquals(WorkPlan.sample(s, a), WorkPlan.sample(s, b));
        }
    }

    @Test
    void refusesNegativeServiceTime() {
        assertThrows(IllegalArgumentException.class, () -> new WorkPlan(-1, false, false));
    }

    private static double p99Millis(ServiceTime shape) {
        SplittableRandom random = new SplittableRandom(13);
        LoadSettings s = settings(shape, 0, 0);
        long[] values = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            values[i] = WorkPlan.sample(s, random).serviceNanos();
        }
        java.util.Arrays.sort(values);
        return values[(int) (SAMPLES * 0.99)] / 1e6;
    }

    @Test
    void retriesDrawTheSameWayForTheSamePlanAndAttemptWhateverThreadRunsThem() {
        LoadSettings flaky = LoadSettings.defaults().withFailureProbability(0.3).withHangProbability(0.1);
        WorkPlan first = WorkPlan.sample(flaky, new SplittableRandom(21));
        WorkPlan again = WorkPlan.sample(flaky, new SplittableRandom(21));
        for (int attempt = 2; attempt <= 6; attempt++) {
            assertEquals(first.forAttempt(attempt), again.forAttempt(attempt), "attempt " + attempt);
            assertEquals(first.forAttempt(attempt), first.forAttempt(attempt), "attempt " + attempt + " redrawn");
        }
    }

    @Test
    void retryDrawsKeepThePlansOdds() {
        LoadSettings flaky = LoadSettings.defaults().withFailureProbability(0.3);
        SplittableRandom random = new SplittableRandom(8);
        int failed = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            if (WorkPlan.sample(flaky, random).forAttempt(2).fail()) {
                failed++;
            }
        }
        assertEquals(0.3, failed / (double) n, 0.02);
    }
}
