package dev.poolscope.engine;

import java.util.ResourceBundle;

/** A {@link System.Logger} for tests: every record, whatever its level, goes to {@code sink}. */
record RecordingLogger(Sink sink) implements System.Logger {

    /** Receives a record's level, message and throwable (null when the record has none). */
    interface Sink {
        void record(Level level, String message, Throwable thrown);
    }

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        sink.record(level, msg, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        sink.record(level, format, null);
    }
}
