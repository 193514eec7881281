package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The trailing-window maximum and the change times the policies read, recorded by hand. */
class ScalingHistoryTest {

    private static final long HOUR = PoolConfig.DURATION_LIMIT.toNanos();

    @Test
    void aRecommendationMadeExactlyAtTheWindowsStartCounts() {
        ScalingHistory history = new ScalingHistory();
        history.recommend(100, 9);
        history.recommend(200, 4);
        assertEquals(9, history.highestSince(100, 2));
        assertEquals(4, history.highestSince(101, 2));
        assertEquals(7, history.highestSince(201, 7), "nothing since: the fallback");
    }

    @Test
    void anEmptyHistoryReturnsTheFallbackWhateverItIs() {
        ScalingHistory history = new ScalingHistory();
        assertEquals(-1, history.highestSince(0, -1));
        assertEquals(5, history.highestSince(-10, 5));
    }

    @Test
    void recommendationsAreKeptForExactlyTheLongestWindowAndNoLonger() {
        ScalingHistory kept = new ScalingHistory();
        kept.recommend(0, 9);
        kept.recommend(HOUR, 1);
        assertEquals(9, kept.highestSince(0, 0));
        ScalingHistory forgotten = new ScalingHistory();
        forgotten.recommend(0, 9);
        forgotten.recommend(HOUR + 1, 1);
        assertEquals(1, forgotten.highestSince(0, 0));
        forgotten.recommend(HOUR + 2, 0);
        assertEquals(1, forgotten.highestSince(HOUR + 1, 0));
        assertEquals(0, forgotten.highestSince(HOUR + 2, -1));
    }

    @Test
    void equalRecommendationsKeepOnlyTheNewest() {
        ScalingHistory history = new ScalingHistory();
        for (int t = 1; t <= 3 * (PoolConfig.WORKER_LIMIT + 2); t++) {
            history.recommend(t, 5);
        }
        long last = 3L * (PoolConfig.WORKER_LIMIT + 2);
        history.recommend(last + 1, 3);
        history.recommend(last + 2, 2);
        assertEquals(5, history.highestSince(last, 0));
        assertEquals(3, history.highestSince(last + 1, 0));
        assertEquals(2, history.highestSince(last + 2, 0));
    }

    @Test
    void changesRecordWhenThePoolLastChangedAndLastShrank() {
        ScalingHistory history = new ScalingHistory();
        assertEquals(ScalingHistory.NEVER, history.lastChangeNanos());
        history.changed(123, true);
        assertEquals(123, history.lastChangeNanos());
        assertEquals(ScalingHistory.NEVER, history.lastDecreaseNanos());
        history.changed(456, false);
        assertEquals(456, history.lastChangeNanos());
        assertEquals(456, history.lastDecreaseNanos());
    }
}
