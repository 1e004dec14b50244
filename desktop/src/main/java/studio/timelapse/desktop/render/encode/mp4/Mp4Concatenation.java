package studio.timelapse.desktop.render.encode.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the tracks of several MP4 files, one after the other, as one track of a new file, without decoding: the
 * samples are copied, the index is rebuilt. The parts must decode with the same sample description and share a clock;
 * each part must start with a key frame and show each of its frames once. The index comes first ("fast start").
 */
public final class Mp4Concatenation {
    private static final int COPY_BUFFER = 1 << 20;

    private Mp4Concatenation() {}

    /** Writes {@code parts} into {@code output} (created or replaced) and returns the bytes written. */
    public static long write(List<Mp4VideoTrack> parts, Path output) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to join");
        }
        Mp4VideoTrack first = parts.get(0);
        AvcSampleEntry entry = first.entry().withoutBitRate();
        SampleTable joined = new SampleTable();
        long dataOffset = 0;
        long shownBefore = 0;
        for (Mp4VideoTrack part : parts) {
            if (!part.entry().sameAs(first.entry())) {
                throw new Mp4FormatException(part.file() + " was encoded with other settings than " + first.file()
                        + " (its H.264 parameter sets or colour tags differ)");
            }
            if (part.timescale() != first.timescale() || part.frameDuration() != first.frameDuration()) {
                throw new Mp4FormatException(part.file() + " runs at " + part.frameDuration() + "/" + part.timescale()
                        + " s per frame, where " + first.file() + " at " + first.frameDuration() + "/" + first.timescale()
                        + ": segments of one video share one frame rate");
            }
            SampleTable samples = part.samples();
            for (int i = 0; i < samples.count(); i++) {
                joined.add(dataOffset, samples.size(i), samples.key(i), shownBefore + samples.presentationIndex(i));
                dataOffset += samples.size(i);
            }
            shownBefore += samples.count();
        }
        joined.checkComplete("The joined video");

        ByteBuffer fileType = Mp4VideoWriter.fileType();
        int indexSize = MovieBox.build(entry, first.timescale(), first.frameDuration(), joined, 0).capacity();
        long dataStart = fileType.remaining() + indexSize + Mp4VideoWriter.MDAT_HEADER;
        ByteBuffer index = MovieBox.build(entry, first.timescale(), first.frameDuration(), joined, dataStart);
        try (FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, fileType);
            writeFully(out, index);
            writeFully(out, Mp4VideoWriter.mdatHeader(dataOffset + Mp4VideoWriter.MDAT_HEADER));
            ByteBuffer buffer = ByteBuffer.allocateDirect(COPY_BUFFER);
            for (Mp4VideoTrack part : parts) {
                copySamples(part, out, buffer);
            }
            out.force(true);
            return out.position();
        }
    }

    /** Copies a part's samples in decode order, reading runs of adjacent samples at once. */
    private static void copySamples(Mp4VideoTrack part, FileChannel out, ByteBuffer buffer) throws IOException {
        SampleTable samples = part.samples();
        try (FileChannel in = FileChannel.open(part.file(), StandardOpenOption.READ)) {
            int i = 0;
            while (i < samples.count()) {
                long start = samples.offset(i);
                long end = start;
                while (i < samples.count() && samples.offset(i) == end) {
                    end += samples.size(i);
                    i++;
                }
                copyRange(part.file(), in, start, end, out, buffer);
            }
        }
    }

    private static void copyRange(Path file, FileChannel in, long start, long end, FileChannel out, ByteBuffer buffer)
            throws IOException {
        long position = start;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = in.read(buffer, position);
            if (read < 0) {
                throw new Mp4FormatException(file + " ends at " + position + " inside its samples (up to " + end + ")");
            }
            position += read;
            buffer.flip();
            writeFully(out, buffer);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
