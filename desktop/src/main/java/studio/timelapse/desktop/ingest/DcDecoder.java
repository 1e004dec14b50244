package studio.timelapse.desktop.ingest;

import java.util.List;
import java.util.Locale;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * Decodes only the DC coefficient of every block of a sequential, Huffman-coded, 8-bit JPEG (baseline or extended):
 * each block's mean, a 1/8-scale image, without dequantizing AC coefficients or running inverse DCTs. The AC codes
 * still have to be read to find where each block ends, which is most of the work; {@link HuffmanTable#acSkip} does
 * it with one table look-up per code, or per two short ones.
 *
 * <p>Strict about damage: image data that runs out, codes no table holds, blocks that overrun, and restart markers
 * out of order are {@link IngestFailure}s, never a silently grey image.
 */
final class DcDecoder {
    private static final int FAST_MASK = (1 << HuffmanTable.FAST_BITS) - 1;
    private static final int SKIP_MASK = (1 << HuffmanTable.SKIP_BITS) - 1;

    private final byte[] data;
    private final int end;
    private final JpegHeader header;
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final int[][] quantTables = new int[4][];
    /** The DC quantizer of each component, taken when its first scan starts (as libjpeg does). */
    private final int[] dcQuantizer;
    private final float[][] planes;
    private final int[] strides;
    private final boolean[] seen;
    private final int mcusX;
    private final int mcusY;
    private int restartInterval;

    // The bit reader, kept in fields so one decoder walks one stream.
    private int position;
    private long bitBuffer;
    private int bitCount;
    /** Zero bits appended after the end of the data (at a marker or the end of the file), still in the buffer. */
    private int paddingBits;
    private boolean atMarker;

    private DcDecoder(byte[] data, int length, JpegHeader header) {
        this.data = data;
        this.end = length;
        this.header = header;
        int components = header.components().size();
        this.dcQuantizer = new int[components];
        this.planes = new float[components][];
        this.strides = new int[components];
        this.seen = new boolean[components];
        int maxH = header.maxHorizontal();
        int maxV = header.maxVertical();
        this.mcusX = ceilDiv(header.width(), 8 * maxH);
        this.mcusY = ceilDiv(header.height(), 8 * maxV);
        for (int c = 0; c < components; c++) {
            JpegHeader.Component component = header.components().get(c);
            strides[c] = mcusX * component.horizontal();
            planes[c] = new float[strides[c] * mcusY * component.vertical()];
        }
    }

    /** The block means of {@code data}, whose header says {@link JpegHeader#isSequentialHuffman8Bit()}. */
    static BlockMeans decode(byte[] data, int length, JpegHeader header) throws IngestFailure {
        if (!header.isSequentialHuffman8Bit()) {
            throw new IllegalArgumentException("not a sequential Huffman-coded 8-bit JPEG: " + header.codingName());
        }
        return new DcDecoder(data, length, header).run();
    }

    private BlockMeans run() throws IngestFailure {
        JpegSegments segments = new JpegSegments(data, end);
        for (int marker = segments.next(); marker != -1 && marker != JpegSegments.EOI; marker = segments.next()) {
            switch (marker) {
                case JpegSegments.DHT -> huffmanTables(segments);
                case JpegSegments.DQT -> quantTables(segments);
                case JpegSegments.DRI -> restartInterval = segments.u16(segments.payloadStart());
                case JpegSegments.SOS -> segments.continueAt(scan(segments));
                default -> {
                    if (marker >= JpegSegments.RST0 && marker <= JpegSegments.RST0 + 7) {
                        throw new IngestFailure(Kind.CORRUPT, "a restart marker outside image data");
                    }
                }
            }
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new IngestFailure(Kind.TRUNCATED, "the file ends before the image data of colour component "
                        + (c + 1));
            }
        }
        return new BlockMeans(header, List.of(planes), strides);
    }

    private void huffmanTables(JpegSegments segments) throws IngestFailure {
        int at = segments.payloadStart();
        int stop = at + segments.payloadLength();
        while (at < stop) {
            int classAndId = segments.u8(at);
            int tableClass = classAndId >> 4;
            int id = classAndId & 15;
            if (tableClass > 1 || id > 3) {
                throw new IngestFailure(Kind.CORRUPT, "a Huffman table with class " + tableClass + " and id " + id);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = segments.u8(at + 1 + i);
                total += counts[i];
            }
            if (total > 256) {
                throw new IngestFailure(Kind.CORRUPT, "a Huffman table with " + total + " codes");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = segments.u8(at + 17 + i);
            }
            (tableClass == 0 ? dcTables : acTables)[id] = HuffmanTable.of(counts, symbols);
            at += 17 + total;
        }
    }

    private void quantTables(JpegSegments segments) throws IngestFailure {
        int at = segments.payloadStart();
        int stop = at + segments.payloadLength();
        while (at < stop) {
            int precisionAndId = segments.u8(at);
            int sixteenBit = precisionAndId >> 4;
            int id = precisionAndId & 15;
            if (sixteenBit > 1 || id > 3) {
                throw new IngestFailure(Kind.CORRUPT, "a quantization table with precision " + sixteenBit
                        + " and id " + id);
            }
            int[] table = new int[64];
            for (int i = 0; i < 64; i++) {
                table[i] = sixteenBit == 1 ? segments.u16(at + 1 + 2 * i) : segments.u8(at + 1 + i);
            }
            quantTables[id] = table;
            at += 1 + 64 * (sixteenBit + 1);
        }
    }

    /** Decodes one scan whose SOS header {@code segments} stands on; returns where its entropy-coded data ends. */
    private int scan(JpegSegments segments) throws IngestFailure {
        int at = segments.payloadStart();
        int count = segments.u8(at);
        if (count < 1 || count > 4) {
            throw new IngestFailure(Kind.CORRUPT, "a scan with " + count + " components");
        }
        int[] components = new int[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            int id = segments.u8(at + 1 + 2 * i);
            int tables = segments.u8(at + 2 + 2 * i);
            components[i] = componentIndex(id);
            dc[i] = table(dcTables, tables >> 4, "DC");
            ac[i] = table(acTables, tables & 15, "AC");
            int c = components[i];
            if (!seen[c]) {
                int[] quant = quantTables[header.components().get(c).quantTable()];
                if (quant == null) {
                    throw new IngestFailure(Kind.CORRUPT, "colour component " + (c + 1)
                            + " uses a quantization table the file never defines");
                }
                dcQuantizer[c] = quant[0];
                seen[c] = true;
            }
        }
        int spectral = at + 1 + 2 * count;
        if (segments.u8(spectral) != 0 || segments.u8(spectral + 1) != 63 || segments.u8(spectral + 2) != 0) {
            throw new IngestFailure(Kind.CORRUPT, "a sequential scan must cover coefficients 0..63 at full precision");
        }
        startBits(segments.position());
        if (count == 1) {
            nonInterleaved(components[0], dc[0], ac[0]);
        } else {
            interleaved(components, dc, ac);
        }
        return endOfScan();
    }

    private int componentIndex(int id) throws IngestFailure {
        List<JpegHeader.Component> all = header.components();
        for (int c = 0; c < all.size(); c++) {
            if (all.get(c).id() == id) {
                return c;
            }
        }
        throw new IngestFailure(Kind.CORRUPT, "a scan names colour component id " + id + ", which the frame lacks");
    }

    private static HuffmanTable table(HuffmanTable[] tables, int id, String kind) throws IngestFailure {
        if (id > 3 || tables[id] == null) {
            throw new IngestFailure(Kind.CORRUPT, "a scan uses " + kind + " Huffman table " + id
                    + ", which the file never defines");
        }
        return tables[id];
    }

    private void interleaved(int[] components, HuffmanTable[] dc, HuffmanTable[] ac) throws IngestFailure {
        int count = components.length;
        int[] predictors = new int[count];
        int[] horizontal = new int[count];
        int[] vertical = new int[count];
        float[] scale = new float[count];
        for (int i = 0; i < count; i++) {
            JpegHeader.Component component = header.components().get(components[i]);
            horizontal[i] = component.horizontal();
            vertical[i] = component.vertical();
            scale[i] = dcQuantizer[components[i]] / 8f;
        }
        int untilRestart = restartInterval;
        int nextRestart = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        restart(nextRestart, my, mcusY);
                        nextRestart = (nextRestart + 1) & 7;
                        untilRestart = restartInterval;
                        java.util.Arrays.fill(predictors, 0);
                    }
                    untilRestart--;
                }
                for (int i = 0; i < count; i++) {
                    int c = components[i];
                    float[] plane = planes[c];
                    int stride = strides[c];
                    HuffmanTable dcTable = dc[i];
                    HuffmanTable acTable = ac[i];
                    for (int v = 0; v < vertical[i]; v++) {
                        int row = (my * vertical[i] + v) * stride + mx * horizontal[i];
                        for (int h = 0; h < horizontal[i]; h++) {
                            predictors[i] += block(dcTable, acTable);
                            plane[row + h] = predictors[i] * scale[i] + 128f;
                        }
                    }
                }
            }
            checkNotOverrun(my + 1, mcusY);
        }
    }

    private void nonInterleaved(int c, HuffmanTable dcTable, HuffmanTable acTable) throws IngestFailure {
        JpegHeader.Component component = header.components().get(c);
        int width = ceilDiv(ceilDiv(header.width() * component.horizontal(), header.maxHorizontal()), 8);
        int height = ceilDiv(ceilDiv(header.height() * component.vertical(), header.maxVertical()), 8);
        float[] plane = planes[c];
        int stride = strides[c];
        float scale = dcQuantizer[c] / 8f;
        int predictor = 0;
        int untilRestart = restartInterval;
        int nextRestart = 0;
        for (int by = 0; by < height; by++) {
            for (int bx = 0; bx < width; bx++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        restart(nextRestart, by, height);
                        nextRestart = (nextRestart + 1) & 7;
                        untilRestart = restartInterval;
                        predictor = 0;
                    }
                    untilRestart--;
                }
                predictor += block(dcTable, acTable);
                plane[by * stride + bx] = predictor * scale + 128f;
            }
            checkNotOverrun(by + 1, height);
        }
    }

    // --- The bit reader -------------------------------------------------------------------------------------------

    private void startBits(int at) {
        position = at;
        bitBuffer = 0;
        bitCount = 0;
        paddingBits = 0;
        atMarker = false;
    }

    /** Fills the buffer to more than 56 bits, unstuffing 0xFF00 and padding with zeros once a marker is reached. */
    private void fill() {
        while (bitCount <= 56) {
            int b = 0;
            if (atMarker) {
                paddingBits += 8;
            } else if (position >= end) {
                atMarker = true;
                paddingBits += 8;
            } else {
                b = data[position] & 0xFF;
                if (b == 0xFF) {
                    int next = position + 1 < end ? data[position + 1] & 0xFF : -1;
                    if (next == 0) {
                        position += 2;
                    } else { // a marker (or the end): the data stops here
                        atMarker = true;
                        paddingBits += 8;
                        b = 0;
                    }
                } else {
                    position++;
                }
            }
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
        }
    }

    /**
     * Decodes one block: returns its DC difference and reads past its AC codes. The hot loop of the analysis, so it
     * works on local copies of the bit reader's state and refills four bytes at a time where none is 0xFF.
     */
    private int block(HuffmanTable dcTable, HuffmanTable acTable) throws IngestFailure {
        if (bitCount < 32) {
            refill();
        }
        long buffer = bitBuffer;
        int count = bitCount;
        int at = position;
        int entry = dcTable.fast[(int) (buffer >>> (count - HuffmanTable.FAST_BITS)) & FAST_MASK];
        int size;
        if (entry != 0) {
            count -= entry & 0xFF;
            size = entry >>> 8;
        } else {
            int slow = dcTable.slowSymbol((int) (buffer >>> (count - 16)) & 0xFFFF);
            if (slow < 0) {
                position = at;
                throw corrupt("a code no Huffman table holds");
            }
            count -= slow >>> 16;
            size = slow & 0xFF;
        }
        int difference = 0;
        if (size != 0) {
            if (size > 11) {
                position = at;
                throw corrupt("a DC difference of " + size + " bits");
            }
            int value = (int) (buffer >>> (count - size)) & ((1 << size) - 1);
            count -= size;
            difference = value < (1 << (size - 1)) ? value - (1 << size) + 1 : value;
        }
        int[] skip = acTable.acSkip;
        int k = 1;
        while (k < 64) {
            if (count < 32) {
                if (!atMarker && at + 4 <= end && noFF(word(at))) { // refill(), inlined on locals
                    buffer = (buffer << 32) | (word(at) & 0xFFFFFFFFL);
                    count += 32;
                    at += 4;
                } else {
                    position = at;
                    bitBuffer = buffer;
                    bitCount = count;
                    fill();
                    buffer = bitBuffer;
                    count = bitCount;
                    at = position;
                }
            }
            int step = skip[(int) (buffer >>> (count - HuffmanTable.SKIP_BITS)) & SKIP_MASK];
            if (step > 0) {
                int afterFirst = k + ((step >>> 5) & 0xFF);
                int second = step >>> 13;
                // Take the second code only if there is one and the block goes on after the first; without a
                // branch, which would be mispredicted half the time.
                int take = ((afterFirst - 64) >> 31) & -((second | -second) >>> 31);
                count -= (step & 0x1F) + (second & 0x1F & take);
                k = afterFirst + ((second >>> 5) & take);
            } else {
                position = at;
                bitBuffer = buffer;
                bitCount = count;
                if (step == 0) {
                    k += slowAc(acTable);
                } else {
                    throw corrupt("an AC code with an impossible value");
                }
                count = bitCount;
            }
        }
        position = at;
        bitBuffer = buffer;
        bitCount = count;
        if (k > 64 && k < HuffmanTable.END_OF_BLOCK) {
            throw corrupt("a block with more than 64 coefficients");
        }
        return difference;
    }

    /** Adds 32 bits at once where the next four bytes hold no 0xFF, else fills byte by byte. */
    private void refill() {
        if (!atMarker && position + 4 <= end && noFF(word(position))) {
            bitBuffer = (bitBuffer << 32) | (word(position) & 0xFFFFFFFFL);
            bitCount += 32;
            position += 4;
        } else {
            fill();
        }
    }

    /** Four bytes big-endian, by plain loads: the JIT turns them into one, and nothing else needs inlining. */
    private int word(int at) {
        return (data[at] << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    /** Whether none of the four bytes is 0xFF (then none is stuffing or a marker): the zero-byte test on ~word. */
    private static boolean noFF(int word) {
        return ((~word - 0x01010101) & word & 0x80808080) == 0;
    }

    private int slowAc(HuffmanTable table) throws IngestFailure {
        int slow = table.slowSymbol((int) (bitBuffer >>> (bitCount - 16)) & 0xFFFF);
        if (slow < 0) {
            throw corrupt("a code no Huffman table holds");
        }
        bitCount -= slow >>> 16;
        int symbol = slow & 0xFF;
        int run = symbol >> 4;
        int size = symbol & 15;
        if (size == 0) {
            if (run == 0) {
                return HuffmanTable.END_OF_BLOCK;
            }
            if (run == 15) {
                return 16;
            }
            throw corrupt("an AC code with an impossible value");
        }
        if (size > 10) {
            throw corrupt("an AC coefficient of " + size + " bits");
        }
        bitCount -= size;
        return run + 1;
    }

    /** Data the decoder used beyond the last byte before a marker: the image data ran out. */
    private void checkNotOverrun(int rowsDone, int rows) throws IngestFailure {
        if (bitCount < paddingBits) {
            throw ranOut(rowsDone - 1, rows);
        }
    }

    private IngestFailure ranOut(int rowsDone, int rows) {
        String share = String.format(Locale.ROOT, "%.0f%%", 100.0 * rowsDone / rows);
        return position + 1 >= end
                ? new IngestFailure(Kind.TRUNCATED, "the file ends after " + share + " of the image")
                : new IngestFailure(Kind.TRUNCATED, "the image data stops at byte " + position + " (marker "
                        + JpegSegments.name(data[position + 1] & 0xFF) + ") after " + share + " of the image");
    }

    private IngestFailure corrupt(String what) {
        return new IngestFailure(Kind.CORRUPT, "damaged image data near byte " + position + ": " + what);
    }

    /** At a restart boundary: the data must stop at restart marker {@code expected} (0..7); decoding resumes after it. */
    private void restart(int expected, int rowsDone, int rows) throws IngestFailure {
        if (bitCount < paddingBits) {
            throw ranOut(rowsDone, rows);
        }
        int marker = skipToMarker();
        if (marker != JpegSegments.RST0 + expected) {
            throw marker == -1 ? ranOut(rowsDone, rows)
                    : new IngestFailure(Kind.CORRUPT, "expected restart marker RST" + expected + " at byte "
                            + position + ", found " + JpegSegments.name(marker));
        }
        startBits(position + 2);
    }

    /**
     * Moves to the marker that ends the current stretch of data (normally it is right there: only padding bits
     * remain) and returns it, or -1 at the end of the file.
     */
    private int skipToMarker() {
        while (!atMarker) {
            bitCount = 0;
            fill();
        }
        // position stands on the 0xFF of the marker, or at the end.
        while (position + 1 < end && (data[position + 1] & 0xFF) == 0xFF) {
            position++; // fill bytes
        }
        return position + 1 < end ? data[position + 1] & 0xFF : -1;
    }

    private int endOfScan() throws IngestFailure {
        if (bitCount < paddingBits) {
            throw ranOut(mcusY, mcusY);
        }
        skipToMarker();
        return position;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
