package studio.timelapse.camera.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What retention may delete, and when.
 *
 * @param minFreeBytes keep at least this much free on the frames' volume
 * @param minFreePercent and at least this share of it (0–50); the larger of the two counts
 * @param deleteUnsynced whether frames the studio has not acknowledged may be deleted when nothing else is left to
 *     free space: off unless the user turned it on, because such frames exist nowhere else
 * @param maxAcknowledgedAge acknowledged frames captured longer ago than this are deleted even with space to spare
 */
public record RetentionPolicy(long minFreeBytes, int minFreePercent, boolean deleteUnsynced,
        Optional<Duration> maxAcknowledgedAge) {
    /** Room for the database, the logs and the system, with some to spare. */
    public static final long DEFAULT_MIN_FREE_BYTES = 512L * 1024 * 1024;

    public RetentionPolicy {
        Objects.requireNonNull(maxAcknowledgedAge, "maxAcknowledgedAge");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("the free space to keep is 0 bytes or more, was " + minFreeBytes);
        }
        if (minFreePercent < 0 || minFreePercent > 50) {
            throw new IllegalArgumentException("the share of the disk to keep free is 0–50 %, was " + minFreePercent);
        }
        maxAcknowledgedAge.ifPresent(age -> {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("a maximum age is positive, was " + age);
            }
        });
    }

    /** Keep 512 MiB free; never delete unsynced frames; keep acknowledged frames until the space is needed. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(DEFAULT_MIN_FREE_BYTES, 0, false, Optional.empty());
    }

    public RetentionPolicy withMinFree(long bytes, int percent) {
        return new RetentionPolicy(bytes, percent, deleteUnsynced, maxAcknowledgedAge);
    }

    /** The user's explicit choice to let retention delete frames the studio never received. */
    public RetentionPolicy withDeleteUnsynced(boolean allowed) {
        return new RetentionPolicy(minFreeBytes, minFreePercent, allowed, maxAcknowledgedAge);
    }

    public RetentionPolicy withMaxAcknowledgedAge(Duration age) {
        return new RetentionPolicy(minFreeBytes, minFreePercent, deleteUnsynced, Optional.of(age));
    }

    /** The free space to keep on a volume of {@code totalBytes}. */
    public long thresholdBytes(long totalBytes) {
        return Math.max(minFreeBytes, totalBytes / 100 * minFreePercent);
    }
}
