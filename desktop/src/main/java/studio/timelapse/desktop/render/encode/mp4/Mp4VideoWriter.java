package studio.timelapse.desktop.render.encode.mp4;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an MP4 with one H.264 track as the samples come: {@code ftyp}, then the samples in one {@code mdat}, then the
 * index ({@code moov}) when {@link #finish} knows them all. For a file with its index first, see {@link
 * Mp4Concatenation}.
 */
public final class Mp4VideoWriter implements Closeable {
    static final int MDAT_HEADER = 16;                   // 64-bit size: a render may pass 4 GiB

    private final FileChannel channel;
    private final int timescale;
    private final int frameDuration;
    private final SampleTable samples = new SampleTable();
    private final long mdatStart;
    private long position;
    private boolean finished;

    private Mp4VideoWriter(FileChannel channel, int timescale, int frameDuration) throws IOException {
        this.channel = channel;
        this.timescale = timescale;
        this.frameDuration = frameDuration;
        ByteBuffer ftyp = fileType();
        mdatStart = ftyp.remaining();
        writeFully(ftyp);
        writeFully(mdatHeader(0));
        position = mdatStart + MDAT_HEADER;
    }

    /**
     * Creates or replaces {@code file}.
     *
     * @param timescale ticks per second of the track's clock
     * @param frameDuration ticks per frame
     */
    public static Mp4VideoWriter create(Path file, int timescale, int frameDuration) throws IOException {
        if (timescale <= 0 || frameDuration <= 0) {
            throw new IllegalArgumentException("A track needs a positive timescale and frame duration");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new Mp4VideoWriter(channel, timescale, frameDuration);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends one sample (length-prefixed NAL units) in decode order.
     *
     * @param presentationIndex which frame it shows, counting from 0; equal to its decode index without B-frames
     */
    public void writeSample(ByteBuffer sample, boolean keyFrame, long presentationIndex) throws IOException {
        if (finished) {
            throw new IllegalStateException("The file is finished");
        }
        int size = sample.remaining();
        writeFully(sample);
        samples.add(position, size, keyFrame, presentationIndex);
        position += size;
    }

    public int samples() {
        return samples.count();
    }

    /** Writes the index after the samples and makes the file complete and durable; returns its size in bytes. */
    public long finish(AvcSampleEntry entry) throws IOException {
        if (finished) {
            throw new IllegalStateException("The file is finished");
        }
        samples.checkComplete("The video");
        finished = true;
        ByteBuffer moov = MovieBox.build(entry, timescale, frameDuration, samples, 0);
        writeFully(moov);
        long size = position + moov.capacity();
        channel.write(mdatHeader(position - mdatStart), mdatStart);
        channel.force(true);
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static ByteBuffer fileType() {
        return new BoxWriter().open("ftyp").fourcc("isom").u32(0x200)
                .fourcc("isom").fourcc("iso2").fourcc("avc1").fourcc("mp41").close().toBuffer();
    }

    static ByteBuffer mdatHeader(long size) {
        return new BoxWriter().u32(1).fourcc("mdat").u64(size).toBuffer();
    }
}
