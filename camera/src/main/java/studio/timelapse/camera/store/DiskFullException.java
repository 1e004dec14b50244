package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import studio.timelapse.shared.actionlog.ExpectedFailure;
import studio.timelapse.shared.refusal.Refusal;

/**
 * A frame could not be stored because the disk is full. Nothing of it is left: no partial file, no row, no sequence
 * number used. The scheduler pauses capture ("disk full") and lets retention make room.
 */
public final class DiskFullException extends IOException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;
    /** Below this, an I/O error while storing is taken for a full disk even if its message does not say so. */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;
    private static final int SQLITE_FULL = 13;

    private final String step;
    private final SpaceReading space;

    DiskFullException(String step, SpaceReading space, Throwable cause) {
        super("the disk is full (" + space.describe() + "); the frame was not kept (failed at " + step + ")", cause);
        this.step = step;
        this.space = space;
    }

    /** The step that failed: {@code sync_file}, {@code create_folder}, {@code rename}, {@code sync_folder}, {@code index}. */
    public String step() {
        return step;
    }

    public SpaceReading space() {
        return space;
    }

    /** The reason and remedy, as the scheduler shows a pause and the HTTP layer answers. */
    public Refusal refusal() {
        return Refusal.of(Refusal.Kind.GUARD, "store.disk_full",
                        "The camera's disk is full (" + space.describe() + "); the last frame was not kept",
                        "connect the studio to sync so that acknowledged frames can be deleted, or free space on the disk")
                .withDetails(Map.of("usable_bytes", space.usableBytes(), "total_bytes", space.totalBytes(),
                        "step", step));
    }

    /** Whether {@code failure} (or a cause of it) is the operating system or SQLite saying there is no space. */
    static boolean saysNoSpace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == SQLITE_FULL) {
                return true;
            }
            String message = t instanceof FileSystemException fs ? fs.getReason() + " " + fs.getMessage()
                    : t.getMessage();
            String text = String.valueOf(message).toLowerCase(Locale.ROOT);
            if (text.contains("no space left") || text.contains("disk quota exceeded")
                    || text.contains("not enough space on the disk") || text.contains("database or disk is full")
                    || text.contains("sqlite_full")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
