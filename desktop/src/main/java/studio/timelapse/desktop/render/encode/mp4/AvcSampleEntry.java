package studio.timelapse.desktop.render.encode.mp4;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import studio.timelapse.desktop.render.encode.ColourTags;

/**
 * How to decode a track's samples: the {@code avc1} sample entry with its child boxes ({@code avcC} holding SPS and
 * PPS, {@code colr}, and whatever else an encoder wrote, kept byte for byte when a file is remuxed).
 *
 * @param childBoxes complete boxes (size and type included), in file order
 */
public record AvcSampleEntry(String fourcc, int width, int height, List<byte[]> childBoxes) {

    public AvcSampleEntry {
        Objects.requireNonNull(fourcc, "fourcc");
        childBoxes = childBoxes.stream().map(byte[]::clone).toList();
    }

    /** An {@code avc1} entry for one SPS and one PPS (NAL units without start code), tagged with {@code colour}. */
    public static AvcSampleEntry of(int width, int height, byte[] sps, byte[] pps, ColourTags colour) {
        if (sps.length < 4) {
            throw new IllegalArgumentException("An SPS has at least 4 bytes, not " + sps.length);
        }
        BoxWriter avcC = new BoxWriter().open("avcC")
                .u8(1).u8(sps[1]).u8(sps[2]).u8(sps[3])       // version, profile, compatibility, level
                .u8(0xff)                                     // 4-byte NAL lengths
                .u8(0xe1).u16(sps.length).bytes(sps)          // one SPS
                .u8(1).u16(pps.length).bytes(pps)             // one PPS
                .close();
        BoxWriter colr = new BoxWriter().open("colr").fourcc("nclx")
                .u16(colour.primaries()).u16(colour.transfer()).u16(colour.matrix())
                .u8(colour.fullRange() ? 0x80 : 0)
                .close();
        return new AvcSampleEntry("avc1", width, height, List.of(array(avcC), array(colr)));
    }

    /** The {@code avcC} box's payload (the AVCDecoderConfigurationRecord), or an error if the entry has none. */
    public byte[] decoderConfiguration() {
        for (byte[] box : childBoxes) {
            if (box.length >= 8 && box[4] == 'a' && box[5] == 'v' && box[6] == 'c' && box[7] == 'C') {
                return Arrays.copyOfRange(box, 8, box.length);
            }
        }
        throw new IllegalStateException("The " + fourcc + " sample entry has no avcC box");
    }

    /**
     * Whether samples described by {@code other} decode with this entry: the same boxes, byte for byte, but for
     * {@code btrt} (the bit rate of the file it came from, which FFmpeg writes and which differs from file to file).
     */
    public boolean sameAs(AvcSampleEntry other) {
        List<byte[]> mine = withoutBitRate().childBoxes;
        List<byte[]> theirs = other.withoutBitRate().childBoxes;
        if (!fourcc.equals(other.fourcc) || width != other.width || height != other.height
                || mine.size() != theirs.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!Arrays.equals(mine.get(i), theirs.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** This entry without its {@code btrt} box: a joined file has its own bit rate, which nobody needs told. */
    public AvcSampleEntry withoutBitRate() {
        return new AvcSampleEntry(fourcc, width, height, childBoxes.stream()
                .filter(box -> !(box.length >= 8 && box[4] == 'b' && box[5] == 't' && box[6] == 'r' && box[7] == 't'))
                .toList());
    }

    void writeTo(BoxWriter out) {
        out.open(fourcc).zeros(6).u16(1)                  // reserved, data_reference_index
                .zeros(16)                                // pre_defined and reserved
                .u16(width).u16(height)
                .u32(0x00480000).u32(0x00480000)          // 72 dpi
                .u32(0).u16(1)                            // reserved, frame_count
                .zeros(32)                                // compressorname
                .u16(0x18).u16(0xffff);                   // depth, pre_defined -1
        for (byte[] box : childBoxes) {
            out.bytes(box);
        }
        out.close();
    }

    private static byte[] array(BoxWriter box) {
        ByteBuffer buffer = box.toBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return fourcc + " " + width + "x" + height + " with " + childBoxes.size() + " boxes";
    }
}
