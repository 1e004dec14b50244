package studio.timelapse.desktop.ui.jobs;

/**
 * One queue as the jobs screen lists it.
 *
 * @param workers "-" for a queue this studio does not serve (its jobs were submitted by another version or process)
 * @param oldestWait how long the longest-waiting ready job has waited, or "—"
 */
public record QueueRow(String queue, String workers, long running, long queued, long backlog, String oldestWait) {}
