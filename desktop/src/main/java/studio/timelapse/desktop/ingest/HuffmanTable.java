package studio.timelapse.desktop.ingest;

import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * One JPEG Huffman table (DHT), prepared for fast decoding: codes up to {@link #FAST_BITS} long are found with one
 * table look-up on the next bits of the stream; longer ones by the canonical-code limits.
 *
 * <p>For AC tables a second look-up table, {@link #acSkip}, serves the DC decoder, which needs no AC values, only how
 * far each code moves in the block: each entry holds the bits to consume (the code and the coefficient's extra bits
 * together) and how many coefficient positions it covers.
 */
final class HuffmanTable {
    static final int FAST_BITS = 10;
    /** {@link #acSkip} entry for end-of-block: advances past the end of any block. */
    static final int END_OF_BLOCK = 128;
    /** {@link #acSkip} entry for a symbol no valid AC table holds. */
    static final int INVALID = -1;

    /** Code length in the low byte, symbol in the next; 0 when the code is longer than {@link #FAST_BITS}. */
    final int[] fast = new int[1 << FAST_BITS];
    /** Bits to consume in the low byte, coefficient positions covered above it; 0 when the code is longer. */
    final int[] acSkip = new int[1 << FAST_BITS];
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
                        int symbol = symbols[index];
                        int entry = length | (symbol << 8);
                        int skip = skipEntry(length, symbol);
                        for (int fill = code << shift, last = fill + (1 << shift); fill < last; fill++) {
                            table.fast[fill] = entry;
                            table.acSkip[fill] = skip;
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
        return table;
    }

    private static int skipEntry(int length, int symbol) {
        int run = symbol >> 4;
        int size = symbol & 15;
        if (size == 0) {
            return run == 0 ? length | (END_OF_BLOCK << 8) : run == 15 ? length | (16 << 8) : INVALID;
        }
        return size > 10 ? INVALID : (length + size) | ((run + 1) << 8);
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
