package studio.timelapse.camera.store;

import java.nio.file.Path;

/**
 * How much room the frames' volume has. The real one asks the file system; tests inject one that fills up on cue.
 */
public interface DiskSpace {

    /** Reads the space now; an I/O failure is an {@link java.io.UncheckedIOException}. */
    SpaceReading read();

    /** The volume that holds {@code folder}. */
    static DiskSpace of(Path folder) {
        return new VolumeSpace(folder);
    }
}
