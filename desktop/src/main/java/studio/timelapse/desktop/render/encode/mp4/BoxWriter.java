package studio.timelapse.desktop.render.encode.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Builds ISO BMFF boxes in memory: {@link #open} a box, write its fields, {@link #close} it (its size is patched). */
final class BoxWriter {
    private byte[] bytes = new byte[4096];
    private int length;
    private final Deque<Integer> openBoxes = new ArrayDeque<>();

    BoxWriter open(String type) {
        openBoxes.push(length);
        u32(0);
        fourcc(type);
        return this;
    }

    /** A full box: type, then version and flags. */
    BoxWriter open(String type, int version, int flags) {
        open(type);
        u8(version);
        u24(flags);
        return this;
    }

    BoxWriter close() {
        int start = openBoxes.pop();
        int size = length - start;
        bytes[start] = (byte) (size >>> 24);
        bytes[start + 1] = (byte) (size >>> 16);
        bytes[start + 2] = (byte) (size >>> 8);
        bytes[start + 3] = (byte) size;
        return this;
    }

    BoxWriter u8(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    BoxWriter u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    BoxWriter u24(int value) {
        return u8(value >>> 16).u8(value >>> 8).u8(value);
    }

    BoxWriter u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    BoxWriter u64(long value) {
        return u32(value >>> 32).u32(value & 0xffffffffL);
    }

    /** 32 bits when {@code version} is 0, else 64. */
    BoxWriter uint(int version, long value) {
        return version == 0 ? u32(value) : u64(value);
    }

    BoxWriter zeros(int count) {
        ensure(count);
        length += count;
        return this;
    }

    BoxWriter fourcc(String type) {
        byte[] ascii = type.getBytes(StandardCharsets.ISO_8859_1);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("A box type has four characters: " + type);
        }
        return bytes(ascii);
    }

    BoxWriter bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
        return this;
    }

    /** The identity transformation matrix of {@code mvhd} and {@code tkhd}. */
    BoxWriter unityMatrix() {
        return u32(0x10000).u32(0).u32(0).u32(0).u32(0x10000).u32(0).u32(0).u32(0).u32(0x40000000);
    }

    int length() {
        return length;
    }

    ByteBuffer toBuffer() {
        if (!openBoxes.isEmpty()) {
            throw new IllegalStateException(openBoxes.size() + " boxes are still open");
        }
        return ByteBuffer.wrap(Arrays.copyOf(bytes, length));
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
