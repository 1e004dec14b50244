package studio.timelapse.desktop.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Asks for syncs of cameras: by hand, on a timer, or because a camera said it captured a frame. Requests for a camera
 * whose sync has not started yet join that one, so a camera taking a frame every half second has at most one sync
 * running and one waiting. Each request has an idempotency key, so a frame announced twice (a replayed event, two
 * studio processes watching one camera) asks once.
 */
public final class SyncScheduler {
    /** A waiting sync that will start this soon is as good as a new one. */
    private static final Duration JOIN_WITHIN = Duration.ofSeconds(1);

    private final JobRunner runner;
    private final SyncJob type;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SyncScheduler(JobRunner runner, SyncJob type, Clock clock) {
        this.runner = runner;
        this.type = type;
        this.clock = clock;
    }

    /** A sync of {@code cameraId} for a person or a timer ({@code why}: "sync command", "camera came online"). */
    public synchronized Job request(String cameraId) {
        return waiting(cameraId).orElseGet(() -> submit(cameraId,
                "sync:camera:" + cameraId + ":requested:" + clock.instant().toEpochMilli()));
    }

    /** A sync of {@code cameraId} that brings in at least {@code captured}, announced by the camera. */
    public synchronized Job captured(String cameraId, FrameId captured) {
        return waiting(cameraId).orElseGet(() -> submit(cameraId, "sync:camera:" + cameraId + ":through:" + captured));
    }

    /** The sync of {@code cameraId} that is running or waiting, the running one first, if any. */
    public Optional<Job> active(String cameraId) {
        return ofCamera(cameraId, JobState.RUNNING, JobState.INTERRUPTED, JobState.QUEUED).stream()
                .min(Comparator.comparing((Job job) -> job.state() != JobState.RUNNING).thenComparing(Job::id));
    }

    /** The latest sync of {@code cameraId}, whatever its state: what a screen shows about it. */
    public Optional<Job> latest(String cameraId) {
        return ofCamera(cameraId, JobState.RUNNING, JobState.INTERRUPTED, JobState.QUEUED, JobState.SUCCEEDED,
                JobState.FAILED, JobState.CANCELLED).stream().max(Comparator.comparingLong(Job::id));
    }

    private Optional<Job> waiting(String cameraId) {
        Instant soon = clock.instant().plus(JOIN_WITHIN);
        return ofCamera(cameraId, JobState.QUEUED, JobState.INTERRUPTED).stream()
                .filter(job -> !job.runAfter().isAfter(soon) && !job.cancelRequested())
                .min(Comparator.comparingLong(Job::id));
    }

    private Job submit(String cameraId, String key) {
        return runner.submit(type, new SyncJob.Params(cameraId), SubmitOptions.key(key));
    }

    private List<Job> ofCamera(String cameraId, JobState first, JobState... rest) {
        return runner.jobs(first, rest).stream().filter(job -> job.type().equals(SyncJob.NAME))
                .filter(job -> cameraId.equals(cameraOf(job))).toList();
    }

    private String cameraOf(Job job) {
        try {
            return json.readValue(job.parametersJson(), SyncJob.Params.class).cameraId();
        } catch (IOException e) {
            return null;
        }
    }
}
