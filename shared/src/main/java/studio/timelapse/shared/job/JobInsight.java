package studio.timelapse.shared.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is going on in the job system: per queue, per job type's durations over time windows, and each running job
 * with its flags. Feeds the studio's jobs screen, the {@code jobs} command and the agent's status.
 */
public record JobInsight(Instant at, List<QueueLoad> queues, List<TypeDurations> durations, List<RunningJob> running) {

    /**
     * @param queued every job waiting in the queue, including those scheduled for later
     * @param backlog the queued jobs that could start now but wait for a worker
     * @param oldestWaiting how long the longest-waiting ready job has waited
     */
    public record QueueLoad(String queue, int workers, long running, long queued, long backlog,
            Optional<Duration> oldestWaiting) {}

    /** Finished runs of one job type in one window ({@code 1h}, {@code 24h}, {@code 7d}). */
    public record TypeDurations(String type, String window, long count, Duration min, Duration avg, Duration p95,
            Duration max) {}

    /**
     * @param unusuallyLong running for more than twice its type's p95 (or twice its declared expectation)
     * @param stalled no heartbeat for three heartbeat intervals
     */
    public record RunningJob(long jobId, String type, String queue, Duration runningFor, Optional<Double> percent,
            Optional<Duration> heartbeatAge, boolean unusuallyLong, boolean stalled, Optional<String> taskUuid) {}

    public Optional<QueueLoad> queue(String name) {
        return queues.stream().filter(q -> q.queue().equals(name)).findFirst();
    }

    public Optional<TypeDurations> durations(String type, String window) {
        return durations.stream().filter(d -> d.type().equals(type) && d.window().equals(window)).findFirst();
    }
}
