package studio.timelapse.desktop.ui.jobs;

/**
 * How long one job type's successful runs took in one window of time, in seconds: one group of bars in the chart.
 *
 * @param window {@code 7d}, {@code 24h} or {@code 1h}
 */
public record DurationBar(String window, long runs, double minSeconds, double avgSeconds, double p95Seconds,
        double maxSeconds) {}
