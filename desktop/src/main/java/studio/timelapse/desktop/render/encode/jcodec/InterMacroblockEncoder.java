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

import static java.lang.Math.max;
import static java.lang.Math.min;
import static org.jcodec.codecs.h264.H264Const.MB_BLK_OFF_LEFT;
import static org.jcodec.codecs.h264.H264Const.MB_BLK_OFF_TOP;
import static org.jcodec.codecs.h264.io.model.MBType.P_16x16;

import java.util.Arrays;
import org.jcodec.codecs.h264.H264Const;
import org.jcodec.codecs.h264.decode.BlockInterpolator;
import org.jcodec.codecs.h264.decode.CoeffTransformer;
import org.jcodec.codecs.h264.encode.EncodedMB;
import org.jcodec.codecs.h264.encode.MBEncoderHelper;
import org.jcodec.codecs.h264.io.CAVLC;
import org.jcodec.codecs.h264.io.write.CAVLCWriter;
import org.jcodec.common.io.BitWriter;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Codes a macroblock as P16x16: one motion vector ({@link DiamondMotionSearch}, whole pixels) against the previous
 * frame, all coefficients coded.
 *
 * <p>Derived from JCodec 0.2.5's {@code MBEncoderP16x16} (Copyright the JCodec project, FreeBSD licence). Changes:
 * no deblocking here (the frame encoder deblocks the whole frame with the decoder's filter); the number of coded
 * coefficients of each 4x4 block is recorded, which the deblocking filter's strengths depend on (JCodec never filled
 * it, so its filter chose other strengths than a decoder's and the pictures drifted apart); chroma uses the chroma QP;
 * our motion search; buffers are reused rather than allocated per macroblock.
 */
final class InterMacroblockEncoder {
    private static final int CODED_BLOCK_PATTERN_ALL = 47;

    private final CAVLC[] cavlc;
    private final Picture ref;
    private final DiamondMotionSearch motionSearch;
    private final BlockInterpolator interpolator = new BlockInterpolator();
    private final int mbWidth;
    private final int[] mvTopX;
    private final int[] mvTopY;
    private int mvLeftX;
    private int mvLeftY;
    private int mvTopLeftX;
    private int mvTopLeftY;
    private final Picture prediction = Picture.create(16, 16, ColorSpace.YUV420J);
    private final int[][] residual = {new int[256], new int[64], new int[64]};
    private final int[][] lumaBlocks = new int[16][16];
    private final int[][] cbBlocks = new int[4][16];
    private final int[][] crBlocks = new int[4][16];
    private final byte[] patch = new byte[256];

    InterMacroblockEncoder(int mbWidth, Picture ref, CAVLC[] cavlc, int motionSearchRange) {
        this.mbWidth = mbWidth;
        this.ref = ref;
        this.cavlc = cavlc;
        this.motionSearch = new DiamondMotionSearch(motionSearchRange);
        this.mvTopX = new int[mbWidth];
        this.mvTopY = new int[mbWidth];
    }

    /** Writes everything after mb_type, and the reconstruction (undeblocked) into {@code outMB}. */
    void encode(Picture pic, int mbX, int mbY, BitWriter out, EncodedMB outMB, int qp, int qpDelta) {
        boolean topRight = mbY > 0 && mbX < mbWidth - 1;
        boolean topLeft = mbX > 0 && mbY > 0;
        int mvpx = median(mvLeftX, mvTopX[mbX], topRight ? mvTopX[mbX + 1] : 0, topLeft ? mvTopLeftX : 0, mbX > 0,
                mbY > 0, topRight, topLeft);
        int mvpy = median(mvLeftY, mvTopY[mbX], topRight ? mvTopY[mbX + 1] : 0, topLeft ? mvTopLeftY : 0, mbX > 0,
                mbY > 0, topRight, topLeft);

        MBEncoderHelper.take(pic.getPlaneData(0), pic.getPlaneWidth(0), pic.getPlaneHeight(0), mbX << 4, mbY << 4,
                patch, 16, 16);
        int[] mv = motionSearch.search(ref.getPlaneData(0), ref.getPlaneWidth(0), ref.getPlaneHeight(0), patch, mbX,
                mbY, mvpx, mvpy, qp);
        mvTopLeftX = mvTopX[mbX];
        mvTopLeftY = mvTopY[mbX];
        mvTopX[mbX] = mv[0];
        mvTopY[mbX] = mv[1];
        mvLeftX = mv[0];
        mvLeftY = mv[1];
        CAVLCWriter.writeSE(out, mv[0] - mvpx);
        CAVLCWriter.writeSE(out, mv[1] - mvpy);

        interpolator.getBlockLuma(ref, prediction, 0, (mbX << 6) + mv[0], (mbY << 6) + mv[1], 16, 16);
        BlockInterpolator.getBlockChroma(ref.getPlaneData(1), ref.getPlaneWidth(1), ref.getPlaneHeight(1),
                prediction.getPlaneData(1), 0, prediction.getPlaneWidth(1), (mbX << 6) + mv[0], (mbY << 6) + mv[1], 8,
                8);
        BlockInterpolator.getBlockChroma(ref.getPlaneData(2), ref.getPlaneWidth(2), ref.getPlaneHeight(2),
                prediction.getPlaneData(2), 0, prediction.getPlaneWidth(2), (mbX << 6) + mv[0], (mbY << 6) + mv[1], 8,
                8);
        MBEncoderHelper.takeSubtract(pic.getPlaneData(0), pic.getPlaneWidth(0), pic.getPlaneHeight(0), mbX << 4,
                mbY << 4, residual[0], prediction.getPlaneData(0), 16, 16);
        MBEncoderHelper.takeSubtract(pic.getPlaneData(1), pic.getPlaneWidth(1), pic.getPlaneHeight(1), mbX << 3,
                mbY << 3, residual[1], prediction.getPlaneData(1), 8, 8);
        MBEncoderHelper.takeSubtract(pic.getPlaneData(2), pic.getPlaneWidth(2), pic.getPlaneHeight(2), mbX << 3,
                mbY << 3, residual[2], prediction.getPlaneData(2), 8, 8);

        CAVLCWriter.writeUE(out, H264Const.CODED_BLOCK_PATTERN_INTER_COLOR_INV[CODED_BLOCK_PATTERN_ALL]);
        CAVLCWriter.writeSE(out, qpDelta);
        luma(residual[0], mbX, mbY, out, qp, outMB.getNc());
        chroma(residual[1], residual[2], mbX, mbY, out, ChromaQp.of(qp));

        Picture pixels = outMB.getPixels();
        MBEncoderHelper.putBlk(pixels.getPlaneData(0), residual[0], prediction.getPlaneData(0), 4, 0, 0, 16, 16);
        MBEncoderHelper.putBlk(pixels.getPlaneData(1), residual[1], prediction.getPlaneData(1), 3, 0, 0, 8, 8);
        MBEncoderHelper.putBlk(pixels.getPlaneData(2), residual[2], prediction.getPlaneData(2), 3, 0, 0, 8, 8);
        Arrays.fill(outMB.getMx(), mv[0]);
        Arrays.fill(outMB.getMy(), mv[1]);
        outMB.setType(P_16x16);
        outMB.setQp(qp);
    }

    /** The motion vector predictor (H.264 8.4.1.3): the median of left, top and top-right (or top-left). */
    private static int median(int a, int b, int c, int d, boolean aAvb, boolean bAvb, boolean cAvb, boolean dAvb) {
        if (!cAvb) {
            c = d;
            cAvb = dAvb;
        }
        if (aAvb && !bAvb && !cAvb) {
            b = c = a;
            bAvb = cAvb = aAvb;
        }
        a = aAvb ? a : 0;
        b = bAvb ? b : 0;
        c = cAvb ? c : 0;
        return a + b + c - min(min(a, b), c) - max(max(a, b), c);
    }

    /** Codes the 16 luma blocks and puts the reconstructed residual back; {@code counts} gets their coded counts. */
    private void luma(int[] pix, int mbX, int mbY, BitWriter out, int qp, int[] counts) {
        int[][] ac = lumaBlocks;
        for (int i = 0; i < ac.length; i++) {
            for (int j = 0; j < H264Const.PIX_MAP_SPLIT_4x4[i].length; j++) {
                ac[i][j] = pix[H264Const.PIX_MAP_SPLIT_4x4[i][j]];
            }
            CoeffTransformer.fdct4x4(ac[i]);
        }
        for (int i = 0; i < ac.length; i++) {
            int blk = H264Const.BLK_INV_MAP[i];
            CoeffTransformer.quantizeAC(ac[blk], qp);
            counts[blk] = CAVLC.totalCoeff(cavlc[0].writeACBlock(out, (mbX << 2) + MB_BLK_OFF_LEFT[i],
                    (mbY << 2) + MB_BLK_OFF_TOP[i], P_16x16, P_16x16, ac[blk], H264Const.totalZeros16, 0, 16,
                    CoeffTransformer.zigzag4x4));
        }
        for (int i = 0; i < ac.length; i++) {
            CoeffTransformer.dequantizeAC(ac[i], qp, null);
            CoeffTransformer.idct4x4(ac[i]);
            for (int j = 0; j < H264Const.PIX_MAP_SPLIT_4x4[i].length; j++) {
                pix[H264Const.PIX_MAP_SPLIT_4x4[i][j]] = ac[i][j];
            }
        }
    }

    private void chroma(int[] cbPix, int[] crPix, int mbX, int mbY, BitWriter out, int chromaQp) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < H264Const.PIX_MAP_SPLIT_2x2[i].length; j++) {
                cbBlocks[i][j] = cbPix[H264Const.PIX_MAP_SPLIT_2x2[i][j]];
                crBlocks[i][j] = crPix[H264Const.PIX_MAP_SPLIT_2x2[i][j]];
            }
        }
        IntraMacroblockEncoder.chromaResidual(cavlc, mbX, mbY, out, chromaQp, cbBlocks, crBlocks, P_16x16);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < H264Const.PIX_MAP_SPLIT_2x2[i].length; j++) {
                cbPix[H264Const.PIX_MAP_SPLIT_2x2[i][j]] = cbBlocks[i][j];
                crPix[H264Const.PIX_MAP_SPLIT_2x2[i][j]] = crBlocks[i][j];
            }
        }
    }
}
