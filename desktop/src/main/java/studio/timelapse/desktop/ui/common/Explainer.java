package studio.timelapse.desktop.ui.common;

/** Opens a task's tree in the log explorer: where every "why?" link leads. */
@FunctionalInterface
public interface Explainer {
    void explain(String taskUuid);
}
