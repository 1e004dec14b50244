package studio.timelapse.desktop.render.encode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import studio.timelapse.desktop.render.encode.mp4.Mp4Concatenation;
import studio.timelapse.desktop.render.encode.mp4.Mp4VideoReader;
import studio.timelapse.desktop.render.encode.mp4.Mp4VideoTrack;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Joins the segments of a render — MP4 files each starting with a key frame, encoded by one encoder with one {@link
 * EncoderSettings} — into one MP4 with one H.264 track and every frame once, without re-encoding: the samples are
 * copied, the index is rebuilt with the index first. Works for every encoder's segments (JCodec's, and x264's with
 * their reordered B-frames), in pure Java, so on every platform.
 *
 * <p>The output appears whole or not at all: written beside it under a temporary name, flushed to disk, then renamed.
 * Segments that cannot be joined (unfinished, other settings, another frame rate) are refused with the reason, and
 * the output is not touched.
 */
public final class SegmentJoiner {
    private final ActionLog log;

    public SegmentJoiner(ActionLog log) {
        this.log = log;
    }

    public JoinedVideo join(List<Path> segments, Path output) throws IOException {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("A video needs at least one segment");
        }
        try (Action action = log.start("studio:render:join_segments", "segments", segments.size(), "output",
                output.toString())) {
            try {
                List<Mp4VideoTrack> tracks = new ArrayList<>();
                for (Path segment : segments) {
                    tracks.add(Mp4VideoReader.read(segment));
                }
                Path partial = output.resolveSibling(output.getFileName() + ".joining");
                long bytes;
                try {
                    bytes = Mp4Concatenation.write(tracks, partial);
                    moveIntoPlace(partial, output);
                } finally {
                    Files.deleteIfExists(partial);
                }
                long frames = tracks.stream().mapToLong(Mp4VideoTrack::frames).sum();
                Mp4VideoTrack first = tracks.get(0);
                java.time.Duration duration = java.time.Duration.ofNanos(
                        Math.multiplyExact(frames, (long) first.frameDuration() * 1_000_000_000L) / first.timescale());
                action.addSuccessFields("frames", frames, "bytes", bytes, "duration_s", duration.toMillis() / 1000.0);
                return new JoinedVideo(output, segments.size(), frames, duration, bytes);
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path output) throws IOException {
        try {
            Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        }
        Path folder = output.toAbsolutePath().getParent();
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);                          // the rename itself survives a power cut
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a folder; the file itself is already on disk.
        }
    }

    /**
     * What {@link #join} wrote.
     *
     * @param duration how long it plays: frames at the segments' frame rate
     */
    public record JoinedVideo(Path file, int segments, long frames, java.time.Duration duration, long bytes) {}
}
