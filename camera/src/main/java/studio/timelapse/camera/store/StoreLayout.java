package studio.timelapse.camera.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Where frames live under the agent's home, in folders a person can browse:
 * <pre>
 * &lt;home&gt;/frames/2026/03/01/k3f9a2b7q1-00000042.jpg   local date of capture; epoch and sequence in the name
 * &lt;home&gt;/frames/.incoming/                            temporary files being written (emptied at start-up)
 * &lt;home&gt;/frames/.lock                                 held by the one agent process using the store
 * &lt;home&gt;/quarantine/                                  files recovery would not index, kept for a person to look at
 * </pre>
 */
final class StoreLayout {
    private static final Pattern FRAME_NAME = Pattern.compile("([A-Za-z0-9_-]{1,64})-(\\d{1,18})\\.jpg");

    private final Path frames;
    private final Path incoming;
    private final Path quarantine;

    StoreLayout(Path home) {
        Path root = home.toAbsolutePath().normalize();
        this.frames = root.resolve("frames");
        this.incoming = frames.resolve(".incoming");
        this.quarantine = root.resolve("quarantine");
    }

    Path frames() {
        return frames;
    }

    Path incoming() {
        return incoming;
    }

    Path quarantine() {
        return quarantine;
    }

    Path lockFile() {
        return frames.resolve(".lock");
    }

    /** {@code 2026/03/01}: the folder of frames captured on that local date. */
    static String folderOf(LocalDate date) {
        return String.format(Locale.ROOT, "%04d/%02d/%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Zero-padded, so that a plain listing sorts frames in order. */
    static String fileName(FrameId id) {
        return String.format(Locale.ROOT, "%s-%08d.jpg", id.epoch(), id.sequence());
    }

    /** The frame a file name claims to be, if it is named like one of ours. */
    static Optional<FrameId> parseName(String fileName) {
        Matcher matcher = FRAME_NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(matcher.group(2));
        return sequence < 1 ? Optional.empty() : Optional.of(new FrameId(matcher.group(1), sequence));
    }

    /** A stored relative path as a file, refused if it would leave the frames folder (a damaged or forged row). */
    Path resolve(String relativePath) {
        Path file = frames.resolve(relativePath).normalize();
        if (!file.startsWith(frames) || file.equals(frames) || file.startsWith(incoming)) {
            throw new IllegalStateException("a frame's path leaves the frames folder: " + relativePath);
        }
        return file;
    }

    /** The '/'-separated path of {@code file} relative to the frames folder, as rows store it. */
    String relative(Path file) {
        Path relative = frames.relativize(file.toAbsolutePath().normalize());
        return relative.toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
