package dev.poolscope.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.poolscope.engine.ScalingEvent;

/**
 * The samples and scaling events kept for the charts and the CSV export: a bounded window (ten minutes at
 * 10 Hz by default), oldest dropped first, so memory stays flat however long the lab runs. FX-thread confined.
 */
public final class MetricHistory {

    /** Samples kept by default: ten minutes at the sampler's 10 Hz. */
    public static final int DEFAULT_CAPACITY = 6_000;
    private static final int MARKERS_KEPT = 1_000;

    /** A scaling decision placed on the chart's time axis. */
    public record Marker(double seconds, ScalingEvent event) {
    }

    private final int capacity;
    private final ArrayDeque<Sample> samples;
    private final ArrayDeque<Marker> markers = new ArrayDeque<>();

    public MetricHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity = " + capacity + " is not allowed: must be at least 2");
        }
        this.capacity = capacity;
        this.samples = new ArrayDeque<>(capacity);
    }

    void add(Sample sample) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    void mark(Marker marker) {
        if (markers.size() == MARKERS_KEPT) {
            markers.removeFirst();
        }
        markers.addLast(marker);
    }

    void clear() {
        samples.clear();
        markers.clear();
    }

    /** Samples kept right now. */
    public int size() {
        return samples.size();
    }

    /** The newest sample, or null before the first tick. */
    public Sample latest() {
        return samples.peekLast();
    }

    /** The oldest sample kept, or null when empty. */
    public Sample oldest() {
        return samples.peekFirst();
    }

    /** The newest sample taken at or before {@code seconds}, or null if none is that old. */
    public Sample atOrBefore(double seconds) {
        Iterator<Sample> newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            Sample s = newestFirst.next();
            if (s.seconds() <= seconds) {
                return s;
            }
        }
        return null;
    }

    /** Every sample of the last {@code seconds}, oldest first, none skipped (each holds its interval's latencies). */
    public List<Sample> last(double seconds) {
        Sample newest = samples.peekLast();
        if (newest == null) {
            return List.of();
        }
        ArrayDeque<Sample> out = new ArrayDeque<>();
        Iterator<Sample> newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            Sample s = newestFirst.next();
            if (s.seconds() < newest.seconds() - seconds) {
                break;
            }
            out.addFirst(s);
        }
        return List.copyOf(out);
    }

    /** Every kept sample, oldest first. */
    public List<Sample> all() {
        return List.copyOf(samples);
    }

    /**
     * At most {@code maxPoints} samples from the last {@code seconds}, evenly spread, newest always included,
     * so a chart of ten minutes costs the same to draw as a chart of one.
     */
    public List<Sample> window(double seconds, int maxPoints) {
        Sample last = samples.peekLast();
        if (last == null) {
            return List.of();
        }
        double from = last.seconds() - seconds;
        List<Sample> inWindow = new ArrayList<>();
        Iterator<Sample> newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            Sample s = newestFirst.next();
            if (s.seconds() < from) {
                break;
            }
            inWindow.add(s);
        }
        int stride = Math.max(1, (int) Math.ceil(inWindow.size() / (double) maxPoints));
        List<Sample> out = new ArrayList<>(Math.min(inWindow.size(), maxPoints));
        for (int i = inWindow.size() - 1 - ((inWindow.size() - 1) % stride); i >= 0; i -= stride) {
            out.add(inWindow.get(i));
        }
        if (out.isEmpty() || out.get(out.size() - 1) != last) {
            out.add(last);
        }
        return out;
    }

    /** Scaling events from the last {@code seconds}, oldest first. */
    public List<Marker> markers(double seconds) {
        Sample last = samples.peekLast();
        double from = last == null ? Double.NEGATIVE_INFINITY : last.seconds() - seconds;
        return markers.stream().filter(m -> m.seconds() >= from).toList();
    }
}
