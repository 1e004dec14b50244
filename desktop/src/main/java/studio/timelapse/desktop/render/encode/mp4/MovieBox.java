package studio.timelapse.desktop.render.encode.mp4;

import java.nio.ByteBuffer;

/**
 * The {@code moov} box of a file with one H.264 track: headers, the sample description and the sample table. Every
 * sample is its own chunk with a 64-bit offset, so the box's size does not depend on where the data lies and can be
 * computed before the data is placed (for a file that starts with its index).
 *
 * <p>Times are deterministic (creation and modification times are 0, "unknown"), so the same frames give the same
 * file: a segment encoded again after a crash is byte-identical to the first attempt.
 */
final class MovieBox {
    private MovieBox() {}

    static final int TRACK_ID = 1;

    /**
     * @param offsetShift added to every sample offset in the table (where the data will really be)
     */
    static ByteBuffer build(AvcSampleEntry entry, int timescale, int frameDuration, SampleTable samples,
            long offsetShift) {
        int count = samples.count();
        long delay = samples.reorderDelay();
        long duration = (long) count * frameDuration;           // presentation: every frame once
        int version = duration > 0xffffffffL ? 1 : 0;
        BoxWriter out = new BoxWriter().open("moov");

        out.open("mvhd", version, 0).uint(version, 0).uint(version, 0).u32(timescale).uint(version, duration)
                .u32(0x00010000).u16(0x0100).zeros(10)          // rate 1.0, volume 1.0, reserved
                .unityMatrix().zeros(24).u32(TRACK_ID + 1).close();

        out.open("trak");
        out.open("tkhd", version, 3).uint(version, 0).uint(version, 0).u32(TRACK_ID).u32(0).uint(version, duration)
                .zeros(8).u16(0).u16(0).u16(0).u16(0)           // reserved, layer, group, volume, reserved
                .unityMatrix().u32((long) entry.width() << 16).u32((long) entry.height() << 16).close();
        if (delay > 0) {
            // The first frames are decoded ahead of their display (B-frames): start presenting at the first shown.
            long mediaTime = delay * frameDuration;
            int editVersion = Math.max(version, mediaTime > 0x7fffffffL ? 1 : 0);
            out.open("edts").open("elst", editVersion, 0).u32(1)
                    .uint(editVersion, duration).uint(editVersion, mediaTime).u32(0x00010000).close().close();
        }
        out.open("mdia");
        out.open("mdhd", version, 0).uint(version, 0).uint(version, 0).u32(timescale).uint(version, duration)
                .u16(0x55c4).u16(0).close();                   // language "und"
        out.open("hdlr", 0, 0).u32(0).fourcc("vide").zeros(12).bytes("VideoHandler\0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).close();
        out.open("minf");
        out.open("vmhd", 0, 1).zeros(8).close();
        out.open("dinf").open("dref", 0, 0).u32(1).open("url ", 0, 1).close().close().close();
        out.open("stbl");
        out.open("stsd", 0, 0).u32(1);
        entry.writeTo(out);
        out.close();
        out.open("stts", 0, 0).u32(1).u32(count).u32(frameDuration).close();
        if (samples.reordered()) {
            compositionOffsets(out, samples, delay, frameDuration);
        }
        if (!samples.allKeys()) {
            syncSamples(out, samples);
        }
        out.open("stsc", 0, 0).u32(1).u32(1).u32(1).u32(1).close();   // every chunk: one sample, entry 1
        out.open("stsz", 0, 0).u32(0).u32(count);
        for (int i = 0; i < count; i++) {
            out.u32(samples.size(i));
        }
        out.close();
        out.open("co64", 0, 0).u32(count);
        for (int i = 0; i < count; i++) {
            out.u64(samples.offset(i) + offsetShift);
        }
        out.close();
        out.close().close().close().close();                    // stbl, minf, mdia, trak
        return out.close().toBuffer();                          // moov
    }

    /** ctts, run-length coded: each sample's presentation minus decode time, shifted to be non-negative. */
    private static void compositionOffsets(BoxWriter out, SampleTable samples, long delay, int frameDuration) {
        BoxWriter runs = new BoxWriter();
        int entries = 0;
        long runOffset = Long.MIN_VALUE;
        int runLength = 0;
        for (int i = 0; i < samples.count(); i++) {
            long offset = (samples.presentationIndex(i) - i + delay) * frameDuration;
            if (offset > 0x7fffffffL) {
                throw new IllegalArgumentException("Sample " + i + " is shown too long after it is decoded");
            }
            if (offset != runOffset && runLength > 0) {
                runs.u32(runLength).u32(runOffset);
                entries++;
                runLength = 0;
            }
            runOffset = offset;
            runLength++;
        }
        runs.u32(runLength).u32(runOffset);
        entries++;
        ByteBuffer table = runs.toBuffer();
        byte[] bytes = new byte[table.remaining()];
        table.get(bytes);
        out.open("ctts", 0, 0).u32(entries).bytes(bytes).close();
    }

    private static void syncSamples(BoxWriter out, SampleTable samples) {
        int keys = 0;
        for (int i = 0; i < samples.count(); i++) {
            keys += samples.key(i) ? 1 : 0;
        }
        out.open("stss", 0, 0).u32(keys);
        for (int i = 0; i < samples.count(); i++) {
            if (samples.key(i)) {
                out.u32(i + 1);
            }
        }
        out.close();
    }
}
