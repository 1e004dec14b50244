package studio.timelapse.desktop.ui.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * How view-models get work done without blocking the JavaFX thread: the work runs on a background executor, and its
 * result (or its {@link Problem}) comes back on the UI executor — {@code Platform::runLater} in the window, a direct
 * executor in view-model tests.
 *
 * <p>A <em>command</em> (a user's decision: cancel, retry, reject) is an action in the studio's log, so its failure
 * has a task to explain it. A <em>query</em> (a refresh) is not logged while it works — a screen refreshing every
 * second would bury the log — but a failed one logs {@code studio:ui:query_failed}, which is a task of its own.
 */
public final class UiWork {
    private final ActionLog log;
    private final Executor background;
    private final Executor ui;

    public UiWork(ActionLog log, Executor background, Executor ui) {
        this.log = log;
        this.background = background;
        this.ui = ui;
    }

    /** Something to run: it may throw anything, which becomes a {@link Problem}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code query} in the background and hands its result to {@code onResult} on the UI thread. */
    public <T> void query(String what, Work<T> query, Consumer<T> onResult, Consumer<Problem> onProblem) {
        submit(() -> {
            T result;
            try {
                result = query.run();
            } catch (Exception | LinkageError e) {
                String[] task = new String[1];
                try (Action failed = log.startTask("studio:ui:query_failed", "query", what)) {
                    task[0] = failed.taskUuid();
                    failed.fail(e);
                }
                Problem problem = Problem.of(what, e, Optional.of(task[0]));
                ui.execute(() -> onProblem.accept(problem));
                return;
            }
            ui.execute(() -> onResult.accept(result));
        });
    }

    /**
     * Runs {@code body} in the background as the action {@code actionType} (a task of its own), then hands its result
     * to {@code onDone}, or its failure, with the task to explain it, to {@code onProblem}, on the UI thread.
     */
    public <T> void command(String actionType, Map<String, ?> fields, String what, Work<T> body, Consumer<T> onDone,
            Consumer<Problem> onProblem) {
        submit(() -> {
            T result;
            Throwable failure = null;
            String taskUuid;
            try (Action action = log.startTask(actionType, flatten(fields))) {
                taskUuid = action.taskUuid();
                try {
                    result = body.run();
                } catch (Exception | LinkageError e) {
                    failure = action.fail(e);
                    result = null;
                }
            }
            if (failure != null) {
                Problem problem = Problem.of(what, failure, Optional.of(taskUuid));
                ui.execute(() -> onProblem.accept(problem));
                return;
            }
            T done = result;
            ui.execute(() -> onDone.accept(done));
        });
    }

    /** Once the window has closed its executor, late ticks and clicks have nothing left to update: drop them. */
    private void submit(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException closed) {
            // The window is closing.
        }
    }

    /** Runs {@code update} on the UI thread: for listeners called on other threads (the log, an event stream). */
    public void onUi(Runnable update) {
        ui.execute(update);
    }

    public ActionLog log() {
        return log;
    }

    private static Object[] flatten(Map<String, ?> fields) {
        Object[] pairs = new Object[fields.size() * 2];
        int i = 0;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            pairs[i++] = field.getKey();
            pairs[i++] = field.getValue();
        }
        return pairs;
    }
}
