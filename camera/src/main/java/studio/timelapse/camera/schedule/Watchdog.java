package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each capture on a worker thread and gives up on it at its deadline: the capture is interrupted, the
 * {@code onHang} action (kill the camera's process, reset the USB device) runs, and a worker that still does not
 * come back is abandoned for a fresh one — a hung camera must never stop the schedule.
 */
public final class Watchdog implements AutoCloseable {
    private static final Duration ABANDON_AFTER = Duration.ofSeconds(2);

    private final String name;
    private ExecutorService worker;
    private long abandonedWorkers;

    public Watchdog(String name) {
        this.name = name;
        this.worker = newWorker();
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-capture");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code task} with {@code timeout}.
     *
     * @throws TimeoutException when it did not finish in time (after {@code onHang} ran)
     * @throws ExecutionException with what the task threw
     */
    public synchronized <T> T run(Callable<T> task, Duration timeout, Runnable onHang)
            throws TimeoutException, ExecutionException, InterruptedException {
        Future<T> future = worker.submit(task);
        try {
            return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            onHang.run();
            awaitWorkerOrAbandonIt();
            throw e;
        } catch (InterruptedException e) {
            // The caller is stopping. It cleans up after the task (deletes the frame's file) once this returns, so
            // the task must be over by then: a task still rendering would write its file after the clean-up.
            future.cancel(true);
            awaitWorkerOrAbandonIt();
            throw e;
        }
    }

    /**
     * Waits for the cancelled task to come back. A cancelled future answers at once, so ask the worker itself: a
     * no-op behind the task runs only once the worker is free again.
     */
    private void awaitWorkerOrAbandonIt() throws InterruptedException {
        Future<?> probe = worker.submit(() -> { });
        try {
            probe.get(ABANDON_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillHung) {
            // The thread is stuck where an interrupt cannot reach it (a native call, a blocking read): leave it.
            worker.shutdownNow();
            worker = newWorker();
            abandonedWorkers++;
        } catch (ExecutionException impossible) {
            // A no-op does not throw.
        }
    }

    /** Workers given up on because a hung capture would not stop. */
    public synchronized long abandonedWorkers() {
        return abandonedWorkers;
    }

    @Override
    public synchronized void close() {
        worker.shutdownNow();
    }
}
