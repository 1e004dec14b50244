package studio.timelapse.desktop.ingest;

import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * One JPEG Huffman table (DHT), prepared for fast decoding: codes up to {@link #FAST_BITS} long are found with one
 * table look-up on the next bits of the stream; longer ones by the canonical-code limits.
 *
 * <p>For AC tables a second look-up table, {@link #acSkip}, serves the DC decoder, which needs no AC values, only how
 * far each code moves in the block. Indexed by the next {@link #SKIP_BITS} bits, an entry describes the first code
 * there and, when it fits in those bits too, the one after it: for each, the bits to consume (the code and the
 * coefficient's extra bits together) and how many coefficient positions it covers. Pairs halve the look-ups on the
 * short codes that make up most of a photo's AC data.
 */
final class HuffmanTable {
    static final int FAST_BITS = 10;
    static final int SKIP_BITS = 11;
    /** Positions an end-of-block code covers: past the end of any block. */
    static final int END_OF_BLOCK = 128;
    /** {@link #acSkip} entry for a symbol no valid AC table holds. */
    static final int INVALID = -1;

    /** Code length in the low byte, symbol in the next; 0 when the code is longer than {@link #FAST_BITS}. */
    final int[] fast = new int[1 << FAST_BITS];
    /**
     * Per {@link #SKIP_BITS}-bit prefix: bits to consume for the first code (bits 0–4) and positions it covers (5–12);
     * for a second code that fits too, the same at bits 13–17 and 18–25, else 0 there. 0 when the first code is
     * longer than the prefix; {@link #INVALID} for a symbol no AC table may hold.
     */
    final int[] acSkip = new int[1 << SKIP_BITS];
    /** The largest code of each length (1..16), -1 if none. */
    private final int[] maxCode = new int[17];
    /** Added to a code of each length to index {@link #symbols}. */
    private final int[] symbolOffset = new int[17];
    private final int[] symbols;

    private HuffmanTable(int[] symbols) {
        this.symbols = symbols;
    }

    /** Builds a table from a DHT's 16 code counts (per length 1..16) and its symbols in code order. */
    static HuffmanTable of(int[] countsPerLength, int[] symbols) throws IngestFailure {
        HuffmanTable table = new HuffmanTable(symbols);
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            int count = countsPerLength[length - 1];
            table.symbolOffset[length] = index - code;
            if (count > 0) {
                for (int i = 0; i < count; i++, index++, code++) {
                    if (length <= FAST_BITS) {
                        int shift = FAST_BITS - length;
                        int entry = length | (symbols[index] << 8);
                        for (int fill = code << shift, last = fill + (1 << shift); fill < last; fill++) {
                            table.fast[fill] = entry;
                        }
                    }
                }
                table.maxCode[length] = code - 1;
            } else {
                table.maxCode[length] = -1;
            }
            if (code > (1 << length)) {
                throw new IngestFailure(Kind.CORRUPT, "a Huffman table has more codes than fit in its lengths");
            }
            code <<= 1;
        }
        for (int prefix = 0; prefix < (1 << SKIP_BITS); prefix++) {
            table.acSkip[prefix] = table.skipEntry(prefix);
        }
        return table;
    }

    /** The {@link #acSkip} entry for the next {@link #SKIP_BITS} bits {@code prefix}. */
    private int skipEntry(int prefix) {
        int first = step(prefix, SKIP_BITS);
        if (first <= 0) {
            return first;
        }
        int used = first & 0x1F;
        int covered = first >>> 5;
        if (covered == END_OF_BLOCK || used >= SKIP_BITS) {
            return first;
        }
        int second = step(prefix & ((1 << (SKIP_BITS - used)) - 1), SKIP_BITS - used);
        return second > 0 && (second & 0x1F) <= SKIP_BITS - used ? first | (second << 13) : first;
    }

    /**
     * The code at the top of the {@code width} bits {@code bits}: bits to consume (code and extra bits, bits 0–4) and
     * positions covered (from bit 5); 0 when the code is longer than {@code width}, {@link #INVALID} for a bad symbol.
     */
    private int step(int bits, int width) {
        for (int length = 1; length <= width; length++) {
            int code = bits >>> (width - length);
            if (code <= maxCode[length]) {
                int symbol = symbols[code + symbolOffset[length]];
                int run = symbol >> 4;
                int size = symbol & 15;
                if (size == 0) {
                    return run == 0 ? length | (END_OF_BLOCK << 5) : run == 15 ? length | (16 << 5) : INVALID;
                }
                return size > 10 ? INVALID : (length + size) | ((run + 1) << 5);
            }
        }
        return 0;
    }

    /** The symbol of a code longer than {@link #FAST_BITS}: {@code next16} holds the next 16 bits of the stream. */
    int slowSymbol(int next16) {
        for (int length = FAST_BITS + 1; length <= 16; length++) {
            int code = next16 >>> (16 - length);
            if (code <= maxCode[length]) {
                return symbols[code + symbolOffset[length]] | (length << 16);
            }
        }
        return -1;
    }
}
