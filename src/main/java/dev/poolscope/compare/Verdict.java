package dev.poolscope.compare;

import java.util.Locale;

/**
 * Which pool leads so far, and the figure that decided it. The order is the tournament's ({@code --tournament}):
 * fewer requests lost (dropped plus timed out), then the lower p99 wait to the millisecond, then fewer
 * worker-seconds to the tenth shown, then fewer scaling events.
 *
 * @param leader the side ahead, or null while they are even (or no request has arrived)
 * @param reason one line for the screen, with the numbers that decided it
 */
public record Verdict(Side leader, String reason) {

    /** Compares the two scores. */
    public static Verdict of(Score a, Score b) {
        if (a.received() == 0 && b.received() == 0) {
            return new Verdict(null, "no requests yet");
        }
        if (a.lost() != b.lost()) {
            return lead(a.lost() < b.lost(), "fewer requests lost: %,d vs %,d", a.lost(), b.lost());
        }
        long waitA = Math.round(a.waitP99Millis());
        long waitB = Math.round(b.waitP99Millis());
        String same = a.lost() == 0 ? "neither lost a request" : String.format(Locale.ROOT, "both lost %,d", a.lost());
        if (waitA != waitB) {
            return lead(waitA < waitB, same + "; lower p99 wait: %,d ms vs %,d ms", waitA, waitB);
        }
        same += ", same p99 wait (" + waitA + " ms)";
        if (Math.abs(a.workerSeconds() - b.workerSeconds()) >= 0.05) {
            return lead(a.workerSeconds() < b.workerSeconds(), same + "; fewer worker-seconds: %,.1f vs %,.1f",
                    a.workerSeconds(), b.workerSeconds());
        }
        if (a.scalingEvents() != b.scalingEvents()) {
            return lead(a.scalingEvents() < b.scalingEvents(), same + ", same cost; fewer scaling events: %,d vs %,d",
                    a.scalingEvents(), b.scalingEvents());
        }
        return new Verdict(null, "even: " + same + ", same cost and scaling events");
    }

    private static Verdict lead(boolean aAhead, String format, Object first, Object second) {
        Side leader = aAhead ? Side.A : Side.B;
        // Numbers in A, B order in the format; the sentence names the leader's first.
        String numbers = String.format(Locale.ROOT, format, aAhead ? first : second, aAhead ? second : first);
        return new Verdict(leader, leader + " leads: " + numbers);
    }
}
