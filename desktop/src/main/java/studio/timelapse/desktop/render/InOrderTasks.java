package studio.timelapse.desktop.render;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Numbered tasks run at most {@code atOnce} at a time, their results taken back in order: while the caller waits
 * for task {@code n}, tasks up to {@code n + atOnce - 1} are already under way. The render encodes its segments so,
 * and checkpoints each in order as it is taken. Closing stops whatever still runs (interrupting it) and waits for it
 * to end, so no task outlives the render.
 *
 * @param <T> what a task gives back
 */
final class InOrderTasks<T> implements AutoCloseable {
    /** Task {@code n}. */
    @FunctionalInterface
    interface Task<T> {
        T run(int n) throws Exception;
    }

    private final ExecutorService threads;
    private final ActionLog log;
    private final Task<T> task;
    private final int end;
    private final Deque<Future<T>> running = new ArrayDeque<>();
    private int nextToStart;

    /** Tasks {@code [first, end)}, {@code atOnce} at a time on threads named {@code name-N}, in the caller's action. */
    InOrderTasks(String name, int atOnce, ActionLog log, int first, int end, Task<T> task) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, atOnce), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.log = log;
        this.task = task;
        this.end = end;
        this.nextToStart = first;
        for (int i = 0; i < Math.max(1, atOnce) && nextToStart < end; i++) {
            start();
        }
    }

    /**
     * The result of the next task in order, once it is done; the task after the last one running starts meanwhile.
     * A task's failure is thrown here as it was thrown (I/O, a stop, a refusal), when its turn comes.
     */
    T next() throws IOException, InterruptedException {
        Future<T> oldest = running.removeFirst();
        if (nextToStart < end) {
            start();
        }
        try {
            return oldest.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void start() {
        int n = nextToStart++;
        running.addLast(threads.submit(log.wrap(() -> task.run(n))));
    }

    /** Interrupts what still runs and waits for it to end (a task cleans up after itself, as on any stop). */
    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        while (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            // An encoder finishing a frame in native code: it notices the interrupt when it returns.
        }
    }
}
