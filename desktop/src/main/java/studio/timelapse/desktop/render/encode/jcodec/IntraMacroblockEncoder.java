/*
 * Derived from JCodec 0.2.5 (www.jcodec.org), Copyright the JCodec project, under this licence:
 *
 * Redistribution and use in source and binary forms, with or without modification, are permitted provided that the
 * following conditions are met:
 *
 * Redistributions of source code must retain the above copyright notice, this list of conditions and the following
 * disclaimer. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and
 * the following disclaimer in the documentation and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES,
 * INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
 * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY,
 * WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 *
 * Changes by the Timelapse Studio authors are under the project's licence (LICENSE, GPL-3.0-or-later).
 */
package studio.timelapse.desktop.render.encode.jcodec;

import static org.jcodec.codecs.h264.H264Const.BLK_INV_MAP;
import static org.jcodec.codecs.h264.H264Const.BLK_X;
import static org.jcodec.codecs.h264.H264Const.BLK_Y;
import static org.jcodec.codecs.h264.H264Const.MB_BLK_OFF_LEFT;
import static org.jcodec.codecs.h264.H264Const.MB_BLK_OFF_TOP;
import static org.jcodec.codecs.h264.decode.CoeffTransformer.reorderDC4x4;
import static org.jcodec.codecs.h264.io.model.MBType.I_16x16;

import org.jcodec.codecs.h264.H264Const;
import org.jcodec.codecs.h264.decode.CoeffTransformer;
import org.jcodec.codecs.h264.encode.EncodedMB;
import org.jcodec.codecs.h264.encode.MBEncoderHelper;
import org.jcodec.codecs.h264.io.CAVLC;
import org.jcodec.codecs.h264.io.model.MBType;
import org.jcodec.codecs.h264.io.write.CAVLCWriter;
import org.jcodec.common.ArrayUtil;
import org.jcodec.common.io.BitWriter;
import org.jcodec.common.model.Picture;

/**
 * Codes a macroblock as I16x16 with DC prediction (luma and chroma), all coefficients coded.
 *
 * <p>Derived from JCodec 0.2.5's {@code MBEncoderI16x16} (Copyright the JCodec project, FreeBSD licence). Changes:
 * the macroblock is not deblocked here — the frame encoder deblocks the whole reconstructed frame afterwards, so that
 * intra prediction reads undeblocked neighbours as the standard says; chroma is quantised and reconstructed with the
 * chroma QP ({@link ChromaQp}), not the luma QP.
 */
final class IntraMacroblockEncoder {
    /** The mb_type offset of "I16x16, DC prediction, all luma and chroma coefficients coded". */
    static final int MB_TYPE_CODE = 1 + 12 + 2 * 4 + 2;
    private static final int[] CHROMA_DC_SCAN = {0, 1, 2, 3};

    private final CAVLC[] cavlc;
    private final byte[][] leftRow;
    private final byte[][] topLine;

    IntraMacroblockEncoder(CAVLC[] cavlc, byte[][] leftRow, byte[][] topLine) {
        this.cavlc = cavlc;
        this.leftRow = leftRow;
        this.topLine = topLine;
    }

    /** Writes everything after mb_type, and the reconstruction (undeblocked) into {@code outMB}. */
    void encode(Picture pic, int mbX, int mbY, BitWriter out, EncodedMB outMB, int qp, int qpDelta) {
        CAVLCWriter.writeUE(out, 0);                    // intra_chroma_pred_mode: DC
        CAVLCWriter.writeSE(out, qpDelta);
        outMB.setType(MBType.I_16x16);
        outMB.setQp(qp);
        luma(pic, mbX, mbY, out, qp, outMB);
        chroma(pic, mbX, mbY, out, ChromaQp.of(qp), outMB.getPixels());
    }

    private void luma(Picture pic, int mbX, int mbY, BitWriter out, int qp, EncodedMB outMB) {
        int x = mbX << 4;
        int y = mbY << 4;
        int[][] ac = new int[16][16];
        byte[][] pred = new byte[16][16];
        lumaDcPrediction(x, y, pred);
        for (int i = 0; i < ac.length; i++) {
            MBEncoderHelper.takeSubtract(pic.getPlaneData(0), pic.getPlaneWidth(0), pic.getPlaneHeight(0),
                    x + BLK_X[i], y + BLK_Y[i], ac[i], pred[i], 4, 4);
            CoeffTransformer.fdct4x4(ac[i]);
        }
        int[] dc = extractDc(ac);
        reorderDC4x4(dc);
        CoeffTransformer.quantizeDC4x4(dc, qp);
        CoeffTransformer.fvdDC4x4(dc);
        cavlc[0].writeLumaDCBlock(out, mbX << 2, mbY << 2, I_16x16, I_16x16, dc, H264Const.totalZeros16, 0, 16,
                CoeffTransformer.zigzag4x4);
        int[] nc = outMB.getNc();
        for (int i = 0; i < ac.length; i++) {
            CoeffTransformer.quantizeAC(ac[i], qp);
            nc[BLK_INV_MAP[i]] = CAVLC.totalCoeff(cavlc[0].writeACBlock(out, (mbX << 2) + MB_BLK_OFF_LEFT[i],
                    (mbY << 2) + MB_BLK_OFF_TOP[i], I_16x16, I_16x16, ac[i], H264Const.totalZeros16, 1, 15,
                    CoeffTransformer.zigzag4x4));
        }
        reconstruct(dc, ac, qp);
        Picture pixels = outMB.getPixels();
        for (int blk = 0; blk < ac.length; blk++) {
            MBEncoderHelper.putBlk(pixels.getPlaneData(0), ac[blk], pred[blk], 4, BLK_X[blk], BLK_Y[blk], 4, 4);
        }
    }

    private void chroma(Picture pic, int mbX, int mbY, BitWriter out, int chromaQp, Picture outMB) {
        int x = mbX << 3;
        int y = mbY << 3;
        int[][] cb = new int[4][16];
        int[][] cr = new int[4][16];
        byte[][] cbPred = new byte[4][16];
        byte[][] crPred = new byte[4][16];
        predictChroma(pic, cb, cbPred, 1, x, y);
        predictChroma(pic, cr, crPred, 2, x, y);
        chromaResidual(cavlc, mbX, mbY, out, chromaQp, cb, cr, I_16x16);
        putChroma(outMB.getData()[1], cb, cbPred);
        putChroma(outMB.getData()[2], cr, crPred);
    }

    /**
     * Transforms, codes (DC of both components, then AC of both) and reconstructs the chroma residual in {@code cb}
     * and {@code cr}, which hold the reconstructed residual afterwards. Shared with {@link InterMacroblockEncoder}.
     */
    static void chromaResidual(CAVLC[] cavlc, int mbX, int mbY, BitWriter out, int chromaQp, int[][] cb, int[][] cr,
            MBType mbType) {
        for (int i = 0; i < 4; i++) {
            CoeffTransformer.fdct4x4(cb[i]);
            CoeffTransformer.fdct4x4(cr[i]);
        }
        int[] cbDc = extractDc(cb);
        int[] crDc = extractDc(cr);
        writeChromaDc(cavlc[1], out, chromaQp, cbDc);
        writeChromaDc(cavlc[2], out, chromaQp, crDc);
        writeChromaAc(cavlc[1], out, mbX << 1, mbY << 1, cb, chromaQp, mbType);
        writeChromaAc(cavlc[2], out, mbX << 1, mbY << 1, cr, chromaQp, mbType);
        reconstruct(cbDc, cb, chromaQp);
        reconstruct(crDc, cr, chromaQp);
    }

    private static void writeChromaDc(CAVLC cavlc, BitWriter out, int chromaQp, int[] dc) {
        CoeffTransformer.quantizeDC2x2(dc, chromaQp);
        CoeffTransformer.fvdDC2x2(dc);
        cavlc.writeChrDCBlock(out, dc, H264Const.totalZeros4, 0, dc.length, CHROMA_DC_SCAN);
    }

    private static void writeChromaAc(CAVLC cavlc, BitWriter out, int blkLeft, int blkTop, int[][] ac, int chromaQp,
            MBType mbType) {
        for (int i = 0; i < ac.length; i++) {
            CoeffTransformer.quantizeAC(ac[i], chromaQp);
            cavlc.writeACBlock(out, blkLeft + MB_BLK_OFF_LEFT[i], blkTop + MB_BLK_OFF_TOP[i], mbType, mbType, ac[i],
                    H264Const.totalZeros16, 1, 15, CoeffTransformer.zigzag4x4);
        }
    }

    /** Dequantises and inverse-transforms DC and AC back into residual samples (in {@code ac}). */
    private static void reconstruct(int[] dc, int[][] ac, int qp) {
        if (dc.length == 4) {
            CoeffTransformer.invDC2x2(dc);
            CoeffTransformer.dequantizeDC2x2(dc, qp, null);
        } else {
            CoeffTransformer.invDC4x4(dc);
            CoeffTransformer.dequantizeDC4x4(dc, qp, null);
            reorderDC4x4(dc);
        }
        for (int i = 0; i < ac.length; i++) {
            CoeffTransformer.dequantizeAC(ac[i], qp, null);
            ac[i][0] = dc[i];
            CoeffTransformer.idct4x4(ac[i]);
        }
    }

    private static int[] extractDc(int[][] ac) {
        int[] dc = new int[ac.length];
        for (int i = 0; i < ac.length; i++) {
            dc[i] = ac[i][0];
            ac[i][0] = 0;
        }
        return dc;
    }

    private static void putChroma(byte[] mb, int[][] ac, byte[][] pred) {
        MBEncoderHelper.putBlk(mb, ac[0], pred[0], 3, 0, 0, 4, 4);
        MBEncoderHelper.putBlk(mb, ac[1], pred[1], 3, 4, 0, 4, 4);
        MBEncoderHelper.putBlk(mb, ac[2], pred[2], 3, 0, 4, 4, 4);
        MBEncoderHelper.putBlk(mb, ac[3], pred[3], 3, 4, 4, 4, 4);
    }

    private void predictChroma(Picture pic, int[][] ac, byte[][] pred, int comp, int x, int y) {
        int predY = y & 0x7;
        boolean left = x != 0;
        boolean top = y != 0;
        // H.264 8.3.4.1-3: the outer 4x4 blocks prefer one neighbour, the others average both.
        fill(pred[0], left && top ? two(leftRow[comp], predY, topLine[comp], x)
                : left ? one(leftRow[comp], predY) : top ? one(topLine[comp], x) : 0);
        fill(pred[1], top ? one(topLine[comp], x + 4) : left ? one(leftRow[comp], predY) : 0);
        fill(pred[2], left ? one(leftRow[comp], predY + 4) : top ? one(topLine[comp], x) : 0);
        fill(pred[3], left && top ? two(leftRow[comp], predY + 4, topLine[comp], x + 4)
                : left ? one(leftRow[comp], predY + 4) : top ? one(topLine[comp], x + 4) : 0);
        byte[] plane = pic.getPlaneData(comp);
        int width = pic.getPlaneWidth(comp);
        int height = pic.getPlaneHeight(comp);
        MBEncoderHelper.takeSubtract(plane, width, height, x, y, ac[0], pred[0], 4, 4);
        MBEncoderHelper.takeSubtract(plane, width, height, x + 4, y, ac[1], pred[1], 4, 4);
        MBEncoderHelper.takeSubtract(plane, width, height, x, y + 4, ac[2], pred[2], 4, 4);
        MBEncoderHelper.takeSubtract(plane, width, height, x + 4, y + 4, ac[3], pred[3], 4, 4);
    }

    private static int one(byte[] pix, int at) {
        return (pix[at] + pix[at + 1] + pix[at + 2] + pix[at + 3] + 2) >> 2;
    }

    private static int two(byte[] pix1, int at1, byte[] pix2, int at2) {
        return (pix1[at1] + pix1[at1 + 1] + pix1[at1 + 2] + pix1[at1 + 3] + pix2[at2] + pix2[at2 + 1] + pix2[at2 + 2]
                + pix2[at2 + 3] + 4) >> 3;
    }

    private static void fill(byte[] pred, int dc) {
        for (int i = 0; i < pred.length; i++) {
            pred[i] = (byte) dc;
        }
    }

    private void lumaDcPrediction(int x, int y, byte[][] pred) {
        int dc;
        if (x == 0 && y == 0) {
            dc = 0;
        } else if (y == 0) {
            dc = (ArrayUtil.sumByte(leftRow[0]) + 8) >> 4;
        } else if (x == 0) {
            dc = (ArrayUtil.sumByte3(topLine[0], x, 16) + 8) >> 4;
        } else {
            dc = (ArrayUtil.sumByte(leftRow[0]) + ArrayUtil.sumByte3(topLine[0], x, 16) + 16) >> 5;
        }
        for (byte[] block : pred) {
            java.util.Arrays.fill(block, (byte) dc);
        }
    }
}
