package studio.timelapse.desktop.render.encode.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the index of an MP4 file holding one H.264 video track at a constant frame rate — what our encoders write,
 * FFmpeg's included. Anything else (no video, several sample descriptions, varying frame durations, an edit that cuts)
 * is refused with a {@link Mp4FormatException} saying what is there, rather than joined wrongly.
 */
public final class Mp4VideoReader {
    private static final int MAX_INDEX_BYTES = 256 << 20;
    /** More than any render (10 million frames are 4.6 days at 25 fps): a count beyond it is damage. */
    private static final int MAX_SAMPLES = 10_000_000;

    private Mp4VideoReader() {}

    public static Mp4VideoTrack read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer moov = findMovieBox(file, channel);
            return parseMovie(file, moov);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Mp4FormatException(file + " has a damaged index: " + e, e);
        }
    }

    private static ByteBuffer findMovieBox(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (position + 8 <= size) {
            header.clear().limit(16);
            channel.read(header, position);
            header.flip();
            long boxSize = header.getInt() & 0xffffffffL;
            String type = fourcc(header);
            int headerSize = 8;
            if (boxSize == 1) {
                if (header.remaining() < 8) {
                    break;
                }
                boxSize = header.getLong();
                headerSize = 16;
            } else if (boxSize == 0) {
                boxSize = size - position;
            }
            if (boxSize < headerSize || position + boxSize > size) {
                if (type.equals("mdat")) {                // a writer stopped in its samples (killed, disk full)
                    throw new Mp4FormatException(file + " has no index (moov box) after its samples: it was not"
                            + " finished");
                }
                throw new Mp4FormatException(file + " is cut short or damaged: box " + type + " at " + position
                        + " claims " + boxSize + " bytes of " + (size - position) + " left");
            }
            if (type.equals("moov")) {
                if (boxSize > MAX_INDEX_BYTES) {
                    throw new Mp4FormatException(file + " has an index of " + boxSize + " bytes; too large to read");
                }
                ByteBuffer moov = ByteBuffer.allocate((int) (boxSize - headerSize));
                while (moov.hasRemaining()) {
                    if (channel.read(moov, position + headerSize + moov.position()) < 0) {
                        throw new Mp4FormatException(file + " ends inside its index");
                    }
                }
                return moov.flip();
            }
            position += boxSize;
        }
        throw new Mp4FormatException(file + " has no index (moov box): it was not finished");
    }

    private static Mp4VideoTrack parseMovie(Path file, ByteBuffer moov) throws Mp4FormatException {
        List<ByteBuffer> videoTracks = new ArrayList<>();
        for (ByteBuffer trak : children(moov, "trak")) {
            ByteBuffer mdia = child(trak, "mdia");
            ByteBuffer hdlr = child(mdia, "hdlr");
            hdlr.position(8);
            if (fourcc(hdlr).equals("vide")) {
                videoTracks.add(trak);
            }
        }
        if (videoTracks.size() != 1) {
            throw new Mp4FormatException(file + " has " + videoTracks.size() + " video tracks, not one");
        }
        ByteBuffer trak = videoTracks.get(0);
        ByteBuffer mdia = child(trak, "mdia");
        int timescale = mediaTimescale(child(mdia, "mdhd"));
        ByteBuffer stbl = child(child(mdia, "minf"), "stbl");
        AvcSampleEntry entry = sampleEntry(file, child(stbl, "stsd"));

        long[] durations = runLengths(child(stbl, "stts"));
        int count = durations.length;
        long frameDuration = count == 0 ? 0 : durations[0];
        for (long duration : durations) {
            if (duration != frameDuration) {
                throw new Mp4FormatException(file + " has frames of different durations (" + frameDuration + " and "
                        + duration + " of " + timescale + " per second); only constant frame rates are joined");
            }
        }
        if (frameDuration <= 0 || frameDuration > Integer.MAX_VALUE) {
            throw new Mp4FormatException(file + " has frames of duration " + frameDuration);
        }
        long[] compositionOffsets = optionalChild(stbl, "ctts") == null ? new long[count]
                : runLengths(optionalChild(stbl, "ctts"));
        int[] sizes = sampleSizes(child(stbl, "stsz"));
        long[] offsets = sampleOffsets(stbl, count);
        boolean[] keys = syncSamples(optionalChild(stbl, "stss"), count);
        if (compositionOffsets.length != count || sizes.length != count) {
            throw new Mp4FormatException(file + " has tables of different lengths: " + count + " durations, "
                    + compositionOffsets.length + " composition offsets, " + sizes.length + " sizes");
        }

        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            earliest = Math.min(earliest, i * frameDuration + compositionOffsets[i]);
        }
        checkEdits(file, optionalChild(trak, "edts"), count == 0 ? 0 : earliest);
        SampleTable samples = new SampleTable();
        for (int i = 0; i < count; i++) {
            long presentation = i * frameDuration + compositionOffsets[i] - earliest;
            if (presentation % frameDuration != 0) {
                throw new Mp4FormatException(file + " shows sample " + i + " between frame times");
            }
            samples.add(offsets[i], sizes[i], keys[i], presentation / frameDuration);
        }
        try {
            samples.checkComplete(file.toString());
        } catch (IllegalArgumentException e) {
            throw new Mp4FormatException(e.getMessage(), e);
        }
        return new Mp4VideoTrack(file, entry, timescale, (int) frameDuration, samples);
    }

    private static int mediaTimescale(ByteBuffer mdhd) {
        int version = mdhd.get(0);
        mdhd.position(version == 1 ? 4 + 16 : 4 + 8);
        return mdhd.getInt();
    }

    private static AvcSampleEntry sampleEntry(Path file, ByteBuffer stsd) throws Mp4FormatException {
        stsd.position(4);
        int entries = stsd.getInt();
        if (entries != 1) {
            throw new Mp4FormatException(file + " has " + entries + " sample descriptions, not one");
        }
        int size = stsd.getInt();
        String type = fourcc(stsd);
        if (!type.equals("avc1") && !type.equals("avc3")) {
            throw new Mp4FormatException(file + " holds " + type + ", not H.264 (avc1)");
        }
        ByteBuffer body = slice(stsd, stsd.position(), size - 8);
        body.position(24);
        int width = body.getShort() & 0xffff;
        int height = body.getShort() & 0xffff;
        body.position(78);
        List<byte[]> boxes = new ArrayList<>();
        while (body.remaining() >= 8) {
            int boxSize = body.getInt(body.position());
            if (boxSize < 8 || boxSize > body.remaining()) {
                break;                                    // some writers pad the entry with zeros
            }
            byte[] box = new byte[boxSize];
            body.get(box);
            boxes.add(box);
        }
        return new AvcSampleEntry(type, width, height, boxes);
    }

    /** stts or ctts expanded to one value per sample; ctts version 1 offsets are signed. */
    private static long[] runLengths(ByteBuffer box) {
        int version = box.get(0);
        box.position(4);
        int entries = entries(box, 8);
        List<long[]> runs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < entries; i++) {
            long count = box.getInt() & 0xffffffffL;
            long value = version == 1 ? box.getInt() : box.getInt() & 0xffffffffL;
            runs.add(new long[] {count, value});
            total += count;
        }
        if (total > MAX_SAMPLES) {
            throw new IllegalArgumentException("a table claims " + total + " samples");
        }
        long[] values = new long[(int) total];
        int index = 0;
        for (long[] run : runs) {
            for (long j = 0; j < run[0]; j++) {
                values[index++] = run[1];
            }
        }
        return values;
    }

    private static int[] sampleSizes(ByteBuffer stsz) {
        stsz.position(4);
        int uniform = stsz.getInt();
        int count = uniform != 0 ? entries(stsz, 0) : entries(stsz, 4);
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = uniform != 0 ? uniform : stsz.getInt();
        }
        return sizes;
    }

    /** Each sample's file offset, from the chunk offsets and the sample-to-chunk runs. */
    private static long[] sampleOffsets(ByteBuffer stbl, int count) {
        long[] chunkOffsets;
        ByteBuffer co64 = optionalChild(stbl, "co64");
        ByteBuffer stco = co64 == null ? child(stbl, "stco") : co64;
        stco.position(4);
        chunkOffsets = new long[entries(stco, co64 != null ? 8 : 4)];
        for (int i = 0; i < chunkOffsets.length; i++) {
            chunkOffsets[i] = co64 != null ? stco.getLong() : stco.getInt() & 0xffffffffL;
        }
        ByteBuffer stsc = child(stbl, "stsc");
        stsc.position(4);
        int runs = entries(stsc, 12);
        long[] firstChunk = new long[runs];
        long[] perChunk = new long[runs];
        for (int i = 0; i < runs; i++) {
            firstChunk[i] = stsc.getInt() & 0xffffffffL;
            perChunk[i] = stsc.getInt() & 0xffffffffL;
            stsc.getInt();                                // sample description index: there is only one
        }
        int[] sizes = sampleSizes(child(stbl, "stsz"));
        long[] offsets = new long[count];
        int sample = 0;
        for (int chunk = 0; chunk < chunkOffsets.length && sample < count; chunk++) {
            long samplesInChunk = 0;
            for (int run = 0; run < runs; run++) {
                if (firstChunk[run] <= chunk + 1) {
                    samplesInChunk = perChunk[run];
                }
            }
            long offset = chunkOffsets[chunk];
            for (long j = 0; j < samplesInChunk && sample < count; j++, sample++) {
                offsets[sample] = offset;
                offset += sizes[sample];
            }
        }
        if (sample != count) {
            throw new IllegalArgumentException("the chunks hold " + sample + " of " + count + " samples");
        }
        return offsets;
    }

    private static boolean[] syncSamples(ByteBuffer stss, int count) {
        boolean[] keys = new boolean[count];
        if (stss == null) {
            java.util.Arrays.fill(keys, true);
            return keys;
        }
        stss.position(4);
        int entries = entries(stss, 4);
        for (int i = 0; i < entries; i++) {
            long number = stss.getInt() & 0xffffffffL;
            if (number >= 1 && number <= count) {
                keys[(int) number - 1] = true;
            }
        }
        return keys;
    }

    /** An edit list may only say where presentation starts (the B-frame delay); we refuse edits that cut. */
    private static void checkEdits(Path file, ByteBuffer edts, long earliest) throws Mp4FormatException {
        if (edts == null) {
            return;
        }
        ByteBuffer elst = optionalChild(edts, "elst");
        if (elst == null) {
            return;
        }
        int version = elst.get(0);
        elst.position(4);
        int entries = elst.getInt();
        int used = 0;
        for (int i = 0; i < entries; i++) {
            elst.position(elst.position() + (version == 1 ? 8 : 4));   // segment duration
            long mediaTime = version == 1 ? elst.getLong() : elst.getInt();
            elst.getInt();                                // rate
            if (mediaTime == -1) {
                continue;                                 // an empty edit: a pause before the start
            }
            used++;
            if (mediaTime != earliest) {
                throw new Mp4FormatException(file + " has an edit starting at " + mediaTime
                        + " instead of its first frame at " + earliest + "; edited files are not joined");
            }
        }
        if (used > 1) {
            throw new Mp4FormatException(file + " has " + used + " edits; edited files are not joined");
        }
    }

    /**
     * A table's entry count, read at the buffer's position, checked against the bytes there are (a damaged count must
     * not allocate gigabytes). Entries of 0 bytes (a uniform sample size) are only checked for sign.
     */
    private static int entries(ByteBuffer table, int entryBytes) {
        long count = table.getInt() & 0xffffffffL;
        long limit = entryBytes == 0 ? MAX_SAMPLES : table.remaining() / entryBytes;
        if (count > limit) {
            throw new IllegalArgumentException("a table claims " + count + " entries in " + table.remaining()
                    + " bytes");
        }
        return (int) count;
    }

    private static List<ByteBuffer> children(ByteBuffer parent, String type) {
        List<ByteBuffer> found = new ArrayList<>();
        int position = 0;
        while (position + 8 <= parent.limit()) {
            long size = parent.getInt(position) & 0xffffffffL;
            int headerSize = 8;
            if (size == 1) {
                size = parent.getLong(position + 8);
                headerSize = 16;
            } else if (size == 0) {
                size = parent.limit() - position;
            }
            if (size < headerSize || position + size > parent.limit()) {
                throw new IllegalArgumentException("box at " + position + " claims " + size + " bytes");
            }
            ByteBuffer typeBytes = parent.duplicate();
            typeBytes.position(position + 4);
            if (fourcc(typeBytes).equals(type)) {
                found.add(slice(parent, position + headerSize, (int) size - headerSize));
            }
            position += (int) size;
        }
        return found;
    }

    private static ByteBuffer optionalChild(ByteBuffer parent, String type) {
        List<ByteBuffer> found = children(parent, type);
        return found.isEmpty() ? null : found.get(0);
    }

    private static ByteBuffer child(ByteBuffer parent, String type) {
        ByteBuffer found = optionalChild(parent, type);
        if (found == null) {
            throw new IllegalArgumentException("no " + type + " box");
        }
        return found;
    }

    private static ByteBuffer slice(ByteBuffer buffer, int start, int length) {
        ByteBuffer copy = buffer.duplicate();
        copy.limit(start + length).position(start);
        return copy.slice();
    }

    private static String fourcc(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }
}
