package studio.timelapse.camera.capture.synthetic;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF block (a JPEG APP1 segment) a real camera module writes with each frame, holding what the synthetic camera
 * exposed with: maker and model, exposure time, f-number and ISO. The studio reads these like any camera's to judge
 * day from night without a location (scene light from the exposure and the picture's brightness) — without them
 * auto exposure makes dusk look like day.
 *
 * <p>Written by hand because it is five fixed tags: a TIFF header, IFD0 (make, model, the pointer to the EXIF IFD)
 * and the EXIF IFD (exposure time, f-number, ISO), little-endian, values that do not fit in an entry after the IFDs.
 */
final class ExifSegment {
    static final String MAKE = "Timelapse Studio";
    static final String MODEL = "Synthetic camera";

    private static final short ASCII = 2;
    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;

    private ExifSegment() {}

    /**
     * The whole APP1 segment, marker included, for {@code shutterSeconds} at {@code fNumber} and ISO {@code iso}.
     * The exposure time is written in microseconds, reduced (1/250 s is 1/250).
     */
    static byte[] app1(double shutterSeconds, double fNumber, int iso) {
        byte[] make = ascii(MAKE);
        byte[] model = ascii(MODEL);
        int ifd0 = 8;
        int ifd0Entries = 3;
        int exifIfd = ifd0 + ifd(ifd0Entries);
        int exifEntries = 3;
        int values = exifIfd + ifd(exifEntries);
        int makeAt = values;
        int modelAt = makeAt + make.length;
        int exposureAt = modelAt + model.length;
        int fNumberAt = exposureAt + 8;
        int tiffLength = fNumberAt + 8;

        ByteBuffer tiff = ByteBuffer.allocate(tiffLength).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) ifd0Entries);
        entry(tiff, 0x010F, ASCII, make.length, makeAt);
        entry(tiff, 0x0110, ASCII, model.length, modelAt);
        entry(tiff, 0x8769, LONG, 1, exifIfd);
        tiff.putInt(0);
        tiff.putShort((short) exifEntries);
        entry(tiff, 0x829A, RATIONAL, 1, exposureAt);
        entry(tiff, 0x829D, RATIONAL, 1, fNumberAt);
        tiff.putShort((short) 0x8827).putShort(SHORT).putInt(1).putShort((short) Math.min(iso, 65_535)).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(make).put(model);
        long[] exposure = exposureFraction(shutterSeconds);
        tiff.putInt((int) exposure[0]).putInt((int) exposure[1]);
        tiff.putInt((int) Math.round(fNumber * 10)).putInt(10);

        ByteArrayOutputStream segment = new ByteArrayOutputStream(tiffLength + 10);
        int length = 2 + 6 + tiffLength;
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.writeBytes(tiff.array());
        return segment.toByteArray();
    }

    private static int ifd(int entries) {
        return 2 + entries * 12 + 4;
    }

    private static void entry(ByteBuffer tiff, int tag, short type, int count, int offset) {
        tiff.putShort((short) tag).putShort(type).putInt(count).putInt(offset);
    }

    /** NUL-terminated, padded to an even length so every later offset stays word-aligned as TIFF asks. */
    private static byte[] ascii(String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
    }

    private static long[] exposureFraction(double seconds) {
        long micros = Math.max(1, Math.round(seconds * 1_000_000));
        long divisor = BigInteger.valueOf(micros).gcd(BigInteger.valueOf(1_000_000)).longValue();
        return new long[] {micros / divisor, 1_000_000 / divisor};
    }
}
