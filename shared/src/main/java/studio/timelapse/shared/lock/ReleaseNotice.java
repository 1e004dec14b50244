package studio.timelapse.shared.lock;

import java.util.concurrent.TimeUnit;

/**
 * Wakes this process's waiting acquisitions when one of its leases is released, so that a hand-over between threads
 * does not wait for the next poll. Waiters in other processes cannot hear it; they poll.
 */
final class ReleaseNotice {
    private long releases;

    /** Read before an attempt; {@link #awaitAfter} then returns at once if a release came in between. */
    synchronized long releases() {
        return releases;
    }

    synchronized void released() {
        releases++;
        notifyAll();
    }

    /** Waits up to {@code nanos} for a release after the {@code seen}-th. */
    synchronized void awaitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (releases == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
