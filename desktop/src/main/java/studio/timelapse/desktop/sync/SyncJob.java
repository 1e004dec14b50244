package studio.timelapse.desktop.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.RetryPolicy;
import studio.timelapse.shared.lock.LockName;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Sync of one camera as a job of the {@code sync} queue: it brings every frame the camera has into the library
 * exactly once (see {@link SyncRun}), holding {@code camera:<id>/sync} so two syncs of one camera never overlap. Its
 * checkpoint is the cursor after the last stored chunk; the library's own sync cursor, committed with the frames, is
 * where every run starts. A camera that does not answer or a full library disk is waited out with backoff.
 */
public final class SyncJob implements JobType<SyncJob.Params, SyncJob.Checkpoint> {
    public static final String NAME = "studio:sync";
    public static final String QUEUE = "sync";

    /** Which camera to sync. */
    public record Params(String cameraId) {}

    /**
     * Where the last stored chunk ended, and what this job did so far.
     *
     * @param framesStored frames this job stored, over all its runs
     * @param framesSkipped frames the camera could not give (gone, or corrupt on its disk)
     */
    public record Checkpoint(String epoch, long sequence, long framesStored, long framesSkipped) {}

    private final Library library;
    private final CameraLink.Factory links;
    private final SyncSettings settings;

    public SyncJob(Library library, CameraLink.Factory links, SyncSettings settings) {
        this.library = library;
        this.links = links;
        this.settings = settings;
    }

    /** The folder for downloads in progress: inside the library, so finished frames move within one disk. */
    static Path tempArea(Library library) {
        return library.folder().resolve("tmp");
    }

    /** The lock a sync of {@code cameraId} holds. */
    public static LockName lockOf(String cameraId) {
        return LockName.parse("camera:" + plainId(cameraId) + "/sync");
    }

    /**
     * A camera id as a lock segment and a folder name: itself when it is plain (letters, digits, '.', '_', '-'), else
     * a digest of it (ids come from the network).
     */
    static String plainId(String cameraId) {
        if (cameraId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return cameraId;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(cameraId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "camera-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public Class<Checkpoint> checkpointType() {
        return Checkpoint.class;
    }

    @Override
    public List<LockName> locks(Params parameters) {
        return List.of(lockOf(parameters.cameraId()));
    }

    /** Another sync of the camera is running: this one starts as soon as it ends (it usually ends within seconds). */
    @Override
    public LockPolicy lockPolicy() {
        return LockPolicy.rescheduleAfter(Duration.ofSeconds(1));
    }

    @Override
    public RetryPolicy retry() {
        return settings.retry();
    }

    @Override
    public void run(JobContext<Params, Checkpoint> job) throws Exception {
        String cameraId = job.parameters().cameraId();
        Camera camera = Cameras.of(library).find(cameraId).orElseThrow(() -> new RefusedException(Refusal.of(
                Refusal.Kind.NOT_FOUND, "sync.unknown_camera", "The library knows no camera " + cameraId,
                "add it with 'timelapse cameras add' and pair it").withDetails(Map.of("camera", cameraId))));
        if (!camera.paired()) {
            throw new RefusedException(Refusal.of(Refusal.Kind.WRONG_STATE, "sync.not_paired",
                    "Camera " + camera.name() + " is not paired with this studio",
                    "pair it with 'timelapse cameras pair " + camera.name() + "'")
                    .withDetails(Map.of("camera", cameraId)));
        }
        job.action().log("studio:sync:camera", "camera", cameraId, "name", camera.name(), "host", camera.host(),
                "port", camera.port());
        try (CameraLink link = links.open(cameraId)) {
            new SyncRun(library, camera, link, settings).run(job);
        }
    }
}
