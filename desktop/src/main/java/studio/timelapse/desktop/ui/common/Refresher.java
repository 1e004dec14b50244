package studio.timelapse.desktop.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A screen's refresh: read in the background, show on the UI thread, at most one at a time. A refresh asked for while
 * one runs (a tick, an event, a button) runs once more after it, so the screen ends up showing the latest state
 * without piling up reads.
 */
public final class Refresher<T> {
    private final UiWork work;
    private final String what;
    private final UiWork.Work<T> read;
    private final Consumer<T> show;
    private final Consumer<Problem> failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public Refresher(UiWork work, String what, UiWork.Work<T> read, Consumer<T> show, Consumer<Problem> failed) {
        this.work = work;
        this.what = what;
        this.read = read;
        this.show = show;
        this.failed = failed;
    }

    /** Safe from any thread. */
    public void request() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        work.query(what, read, result -> {
            try {
                show.accept(result);
            } finally {
                done();
            }
        }, problem -> {
            try {
                failed.accept(problem);
            } finally {
                done();
            }
        });
    }

    private void done() {
        running.set(false);
        if (again.getAndSet(false)) {
            request();
        }
    }
}
