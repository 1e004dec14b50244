package studio.timelapse.desktop.sync;

import java.time.Duration;
import java.util.OptionalLong;
import studio.timelapse.shared.job.RetryPolicy;

/**
 * How sync works the network and the disk.
 *
 * @param parallelDownloads downloads running at once per camera
 * @param framesAhead frames fetched ahead of the one being stored (at least {@code parallelDownloads})
 * @param pageSize frames per listing request (1–1000)
 * @param chunkFrames at most this many frames are stored and acknowledged together
 * @param chunkTime a chunk is stored once it took this long, so a slow link still checkpoints every second or so
 * @param bandwidthCap bytes per second for all downloads of one camera, when the link is slow or shared
 * @param reserveBytes free space sync leaves on the library's disk (for the database, thumbnails, renders)
 * @param retry how a failed run is tried again: an offline camera or a full disk is waited out, with backoff
 * @param persistence how hard one frame is tried within a run
 */
public record SyncSettings(int parallelDownloads, int framesAhead, int pageSize, int chunkFrames, Duration chunkTime,
        OptionalLong bandwidthCap, long reserveBytes, RetryPolicy retry, Persistence persistence) {

    /**
     * How hard one frame is tried within a run before the run gives up and the job retries with backoff: cut
     * connections in a row that brought no new byte, whole downloads whose digest did not match (then the camera's
     * copy is taken as corrupt), the pause between tries, and how long a read may wait for a byte before the
     * connection counts as cut.
     */
    public record Persistence(int cutsWithoutProgress, int digestMismatches, Duration firstPause, Duration maxPause,
            Duration stallLimit) {
        public static Persistence standard() {
            return new Persistence(6, 3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(30));
        }

        public Persistence withStallLimit(Duration limit) {
            return new Persistence(cutsWithoutProgress, digestMismatches, firstPause, maxPause, limit);
        }
    }

    public SyncSettings {
        if (parallelDownloads < 1 || parallelDownloads > 16) {
            throw new IllegalArgumentException("1–16 parallel downloads, not " + parallelDownloads);
        }
        if (framesAhead < parallelDownloads) {
            throw new IllegalArgumentException("frames ahead (" + framesAhead + ") must cover the parallel downloads ("
                    + parallelDownloads + ")");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("the agent lists 1–1000 frames a page, not " + pageSize);
        }
        if (chunkFrames < 1) {
            throw new IllegalArgumentException("a chunk holds at least one frame");
        }
    }

    /**
     * Four downloads at once and up to 128 frames fetched ahead (so the network stays busy while a chunk is being
     * stored), 64 frames or one second a chunk, 256 MB left free; a failed run is tried again after
     * 2 s, doubling to 5 minutes, for as long as it takes (an offline camera comes back, a full disk is emptied).
     */
    public static SyncSettings defaults() {
        return new SyncSettings(4, 128, 200, 64, Duration.ofSeconds(1), OptionalLong.empty(), 256_000_000L,
                RetryPolicy.standard().withMaxAttempts(Integer.MAX_VALUE), Persistence.standard());
    }

    public SyncSettings withBandwidthCap(long bytesPerSecond) {
        return new SyncSettings(parallelDownloads, framesAhead, pageSize, chunkFrames, chunkTime,
                OptionalLong.of(bytesPerSecond), reserveBytes, retry, persistence);
    }

    public SyncSettings withReserve(long bytes) {
        return new SyncSettings(parallelDownloads, framesAhead, pageSize, chunkFrames, chunkTime, bandwidthCap, bytes,
                retry, persistence);
    }

    public SyncSettings withRetry(RetryPolicy policy) {
        return new SyncSettings(parallelDownloads, framesAhead, pageSize, chunkFrames, chunkTime, bandwidthCap,
                reserveBytes, policy, persistence);
    }

    public SyncSettings withParallelDownloads(int parallel, int ahead) {
        return new SyncSettings(parallel, ahead, pageSize, chunkFrames, chunkTime, bandwidthCap, reserveBytes, retry,
                persistence);
    }

    public SyncSettings withPersistence(Persistence newPersistence) {
        return new SyncSettings(parallelDownloads, framesAhead, pageSize, chunkFrames, chunkTime, bandwidthCap,
                reserveBytes, retry, newPersistence);
    }

    public SyncSettings withChunks(int frames, Duration time) {
        return new SyncSettings(parallelDownloads, framesAhead, pageSize, frames, time, bandwidthCap, reserveBytes,
                retry, persistence);
    }

    BandwidthCap cap() {
        return bandwidthCap.isPresent() ? BandwidthCap.of(bandwidthCap.getAsLong()) : BandwidthCap.unlimited();
    }
}
