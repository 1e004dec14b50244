package studio.timelapse.desktop.render.encode.mp4;

import java.nio.file.Path;

/**
 * The H.264 track of an MP4 file as {@link Mp4VideoReader} found it: how to decode it, its clock, and its samples
 * in decode order with the frame each one shows.
 */
public final class Mp4VideoTrack {
    private final Path file;
    private final AvcSampleEntry entry;
    private final int timescale;
    private final int frameDuration;
    private final SampleTable samples;

    Mp4VideoTrack(Path file, AvcSampleEntry entry, int timescale, int frameDuration, SampleTable samples) {
        this.file = file;
        this.entry = entry;
        this.timescale = timescale;
        this.frameDuration = frameDuration;
        this.samples = samples;
    }

    public Path file() {
        return file;
    }

    public AvcSampleEntry entry() {
        return entry;
    }

    public int timescale() {
        return timescale;
    }

    public int frameDuration() {
        return frameDuration;
    }

    public int frames() {
        return samples.count();
    }

    public int keyFrames() {
        int keys = 0;
        for (int i = 0; i < samples.count(); i++) {
            keys += samples.key(i) ? 1 : 0;
        }
        return keys;
    }

    /** Whether frames are decoded in another order than shown (B-frames). */
    public boolean reordered() {
        return samples.reordered();
    }

    /** The bytes of all samples together. */
    public long dataBytes() {
        long total = 0;
        for (int i = 0; i < samples.count(); i++) {
            total += samples.size(i);
        }
        return total;
    }

    SampleTable samples() {
        return samples;
    }

    @Override
    public String toString() {
        return file.getFileName() + ": " + entry + ", " + frames() + " frames of " + frameDuration + "/" + timescale
                + " s";
    }
}
