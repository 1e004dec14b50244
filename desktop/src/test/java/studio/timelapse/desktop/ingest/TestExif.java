package studio.timelapse.desktop.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the EXIF block a camera would put in its JPEGs: IFD0 (orientation, DateTime), the Exif IFD (exposure time,
 * f-number, ISO, DateTimeOriginal with sub-seconds and offset) and IFD1 with an embedded JPEG thumbnail.
 */
public final class TestExif {
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;

    private final ByteOrder order;
    private Integer orientation;
    private String dateTime;
    private String dateTimeOriginal;
    private String subSecondOriginal;
    private String offsetOriginal;
    private long[] exposureTime;
    private long[] fNumber;
    private Integer iso;
    private byte[] thumbnail;

    private TestExif(ByteOrder order) {
        this.order = order;
    }

    public static TestExif bigEndian() {
        return new TestExif(ByteOrder.BIG_ENDIAN);
    }

    static TestExif littleEndian() {
        return new TestExif(ByteOrder.LITTLE_ENDIAN);
    }

    public TestExif orientation(int value) {
        orientation = value;
        return this;
    }

    public TestExif dateTime(String value) {
        dateTime = value;
        return this;
    }

    public TestExif dateTimeOriginal(String value, String subSeconds, String offset) {
        dateTimeOriginal = value;
        subSecondOriginal = subSeconds;
        offsetOriginal = offset;
        return this;
    }

    public TestExif exposure(long numerator, long denominator, long fNumberTenths, int isoSpeed) {
        exposureTime = new long[] {numerator, denominator};
        fNumber = new long[] {fNumberTenths, 10};
        iso = isoSpeed;
        return this;
    }

    public TestExif thumbnail(byte[] jpeg) {
        thumbnail = jpeg;
        return this;
    }

    /** {@code jpeg} with this EXIF block as an APP1 segment right after its start-of-image marker. */
    public byte[] into(byte[] jpeg) {
        byte[] tiff = tiff();
        byte[] preamble = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + preamble.length + tiff.length;
        if (segmentLength > 0xFFFF) {
            throw new IllegalArgumentException("an EXIF block of " + segmentLength + " bytes does not fit in APP1");
        }
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength);
        out.put(preamble).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private byte[] tiff() {
        Ifd ifd0 = new Ifd();
        Ifd exif = new Ifd();
        Ifd ifd1 = new Ifd();
        if (orientation != null) {
            ifd0.add(0x0112, SHORT, 1, shortValue(orientation));
        }
        if (dateTime != null) {
            ifd0.add(0x0132, ASCII, dateTime.length() + 1, ascii(dateTime));
        }
        Entry exifPointer = ifd0.add(0x8769, LONG, 1, new byte[4]);
        if (exposureTime != null) {
            exif.add(0x829A, RATIONAL, 1, rational(exposureTime));
            exif.add(0x829D, RATIONAL, 1, rational(fNumber));
            exif.add(0x8827, SHORT, 1, shortValue(iso));
        }
        if (dateTimeOriginal != null) {
            exif.add(0x9003, ASCII, dateTimeOriginal.length() + 1, ascii(dateTimeOriginal));
            if (offsetOriginal != null) {
                exif.add(0x9011, ASCII, offsetOriginal.length() + 1, ascii(offsetOriginal));
            }
            if (subSecondOriginal != null) {
                exif.add(0x9291, ASCII, subSecondOriginal.length() + 1, ascii(subSecondOriginal));
            }
        }
        Entry thumbnailOffset = null;
        if (thumbnail != null) {
            ifd1.add(0x0103, SHORT, 1, shortValue(6));
            thumbnailOffset = ifd1.add(0x0201, LONG, 1, new byte[4]);
            ifd1.add(0x0202, LONG, 1, longValue(thumbnail.length));
        }
        int ifd0At = 8;
        int exifAt = ifd0At + ifd0.size();
        int ifd1At = exifAt + exif.size();
        int thumbnailAt = ifd1At + ifd1.size();
        exifPointer.value = longValue(exifAt);
        if (thumbnailOffset != null) {
            thumbnailOffset.value = longValue(thumbnailAt);
        }
        int total = thumbnailAt + (thumbnail != null ? thumbnail.length : 0);
        ByteBuffer out = ByteBuffer.allocate(total).order(order);
        out.put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I')).put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I'));
        out.putShort((short) 42).putInt(ifd0At);
        ifd0.write(out, ifd0At, thumbnail != null ? ifd1At : 0);
        exif.write(out, exifAt, 0);
        if (thumbnail != null) {
            ifd1.write(out, ifd1At, 0);
            out.position(thumbnailAt);
            out.put(thumbnail);
        }
        return out.array();
    }

    private byte[] shortValue(int value) {
        return ByteBuffer.allocate(2).order(order).putShort((short) value).array();
    }

    private byte[] longValue(long value) {
        return ByteBuffer.allocate(4).order(order).putInt((int) value).array();
    }

    private byte[] rational(long[] value) {
        return ByteBuffer.allocate(8).order(order).putInt((int) value[0]).putInt((int) value[1]).array();
    }

    private static byte[] ascii(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Entry {
        final int tag;
        final int type;
        final int count;
        byte[] value;

        Entry(int tag, int type, int count, byte[] value) {
            this.tag = tag;
            this.type = type;
            this.count = count;
            this.value = value;
        }
    }

    /** One image file directory: its entries, with values longer than 4 bytes after it. */
    private static final class Ifd {
        private final List<Entry> entries = new ArrayList<>();

        Entry add(int tag, int type, int count, byte[] value) {
            Entry entry = new Entry(tag, type, count, value);
            entries.add(entry);
            return entry;
        }

        int size() {
            int size = 2 + 12 * entries.size() + 4;
            for (Entry entry : entries) {
                if (entry.value.length > 4) {
                    size += entry.value.length + (entry.value.length & 1);
                }
            }
            return size;
        }

        void write(ByteBuffer out, int at, int nextIfd) {
            entries.sort(Comparator.comparingInt(e -> e.tag));
            out.position(at);
            out.putShort((short) entries.size());
            int data = at + 2 + 12 * entries.size() + 4;
            for (Entry entry : entries) {
                out.putShort((short) entry.tag).putShort((short) entry.type).putInt(entry.count);
                if (entry.value.length > 4) {
                    out.putInt(data);
                    int back = out.position();
                    out.position(data);
                    out.put(entry.value);
                    data += entry.value.length + (entry.value.length & 1);
                    out.position(back);
                } else {
                    byte[] padded = java.util.Arrays.copyOf(entry.value, 4);
                    out.put(padded);
                }
            }
            out.putInt(nextIfd);
        }
    }
}
