package dev.poolscope.view;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Writes files on a {@code poolscope-files} daemon thread and reports on the FX thread, so that the window never
 * waits for a disk (a slow network share, a full one). What to write is taken on the FX thread first; writes run
 * one at a time, in the order asked.
 */
final class FileWrites {

    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poolscope-files");
        t.setDaemon(true);
        return t;
    });

    /** One write, off the FX thread. */
    interface Write<T> {
        T run() throws IOException;
    }

    private FileWrites() {
    }

    /**
     * Runs {@code write} in the background; then, on the FX thread, {@code done} gets its result or {@code failed}
     * the reason it failed. The future completes after that report.
     */
    static <T> CompletableFuture<T> run(Write<T> write, Consumer<T> done, Consumer<IOException> failed) {
        CompletableFuture<T> reported = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return write.run();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, WRITER).whenComplete((result, problem) -> Platform.runLater(() -> {
            Throwable cause = problem instanceof CompletionException && problem.getCause() != null
                    ? problem.getCause() : problem;
            if (cause == null) {
                done.accept(result);
                reported.complete(result);
            } else {
                failed.accept(cause instanceof IOException io ? io : new IOException(String.valueOf(
                        cause.getMessage()), cause));
                reported.completeExceptionally(cause);
            }
        }));
        return reported;
    }
}
