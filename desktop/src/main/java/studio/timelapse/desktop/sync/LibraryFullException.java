package studio.timelapse.desktop.sync;

import java.util.Map;
import studio.timelapse.shared.actionlog.ExpectedFailure;
import studio.timelapse.shared.job.TransientJobException;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The library's disk has no room for the next frames. The sync job pauses with this reason and tries again with
 * backoff, so it goes on by itself once space is freed; nothing it did not store is acknowledged.
 */
public final class LibraryFullException extends TransientJobException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "sync.library_full";

    private final transient Refusal refusal;

    LibraryFullException(Refusal refusal, Throwable cause) {
        super(refusal.describe(), cause);
        this.refusal = refusal;
    }

    static LibraryFullException of(String volume, long usableBytes, long neededBytes, Throwable cause) {
        Refusal refusal = Refusal.of(Refusal.Kind.GUARD, CODE,
                "The library disk " + volume + " is full: " + megabytes(usableBytes) + " free, sync needs "
                        + megabytes(neededBytes),
                "free space on " + volume + " or move the library to a larger disk; sync goes on by itself")
                .withDetails(Map.of("volume", volume, "usable_bytes", usableBytes, "needed_bytes", neededBytes));
        return new LibraryFullException(refusal, cause);
    }

    public Refusal refusal() {
        return refusal;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
