package dev.poolscope.model;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The lab's event log: scaling decisions, config changes, drop bursts, shutdowns. Newest first, bounded. */
public final class EventLogModel {

    /** Entries kept. */
    public static final int KEPT = 500;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What kind of entry, for styling. */
    public enum Kind { SCALE_UP, SCALE_DOWN, CONFIG, DROPS, LIFECYCLE, REFUSED }

    /** One line of the log. */
    public record Entry(String time, Kind kind, String message) {
        @Override
        public String toString() {
            return time + "  " + message;
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    /** Adds an entry stamped with the current time. */
    public void add(Kind kind, String message) {
        entries.add(0, new Entry(LocalTime.now().format(CLOCK), kind, message));
        if (entries.size() > KEPT) {
            entries.remove(KEPT, entries.size());
        }
    }

    /** The entries, newest first; for a ListView. */
    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }
}
