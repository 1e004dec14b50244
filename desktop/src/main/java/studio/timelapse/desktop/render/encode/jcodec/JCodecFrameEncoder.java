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

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.decode.DeblockerInput;
import org.jcodec.codecs.h264.decode.deblock.DeblockingFilter;
import org.jcodec.codecs.h264.encode.EncodedMB;
import org.jcodec.codecs.h264.encode.MBEncoderHelper;
import org.jcodec.codecs.h264.io.CAVLC;
import org.jcodec.codecs.h264.io.model.Frame;
import org.jcodec.codecs.h264.io.model.MBType;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.RefPicMarkingIDR;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.codecs.h264.io.write.CAVLCWriter;
import org.jcodec.codecs.h264.io.write.SliceHeaderWriter;
import org.jcodec.common.io.BitWriter;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.tools.MathUtil;
import studio.timelapse.desktop.render.encode.ColourTags;
import studio.timelapse.desktop.render.encode.EncoderSettings;

/**
 * H.264 frames from JCodec's building blocks (its transforms, CAVLC, motion search and the decoder's deblocking
 * filter), written as MP4 samples: NAL units behind 4-byte lengths, the parameter sets apart.
 *
 * <p>Derived from JCodec 0.2.5's {@code H264Encoder} (Copyright the JCodec project, FreeBSD licence), whose output
 * drifts from what decoders show: it took intra predictors from deblocked neighbours, deblocked P frames with strengths
 * from coefficient counts it never filled in, and treated chroma with the luma QP. Here each frame is encoded
 * undeblocked (intra prediction reads what a decoder reads), then deblocked whole by JCodec's decoder-side filter from
 * the same facts a decoder has — so the reference this encoder predicts from is, bit for bit, the picture a decoder
 * shows (a test checks it against FFmpeg). Also: a truthful SPS (constrained baseline, the real level, colour
 * description, frame rate), our rate control, and buffers allocated once per stream rather than once per frame.
 */
final class JCodecFrameEncoder {
    private static final int VIDEO_FORMAT_UNSPECIFIED = 5;
    private static final int MOTION_SEARCH_RANGE = 16;
    private static final int P_SLICE_MB_TYPE_OFFSET = 5;
    private static final int NAL_REF_IDC = 3;

    private final EncoderSettings settings;
    private final ConstantQualityRateControl rateControl;
    private final SeqParameterSet sps;
    private final PictureParameterSet pps;
    private final byte[] spsBytes;
    private final byte[] ppsBytes;
    private final int mbWidth;
    private final int mbHeight;
    private final int maxFrameNumber;
    private final int maxPicOrderCount;
    private final byte[][] leftRow = {new byte[16], new byte[8], new byte[8]};
    private final byte[][] topLine;
    private final EncodedMB macroblock = new EncodedMB();
    private final ByteBuffer sliceData;
    private final DeblockerInput deblocking;
    private final Frame[][] referenceLists;
    private Picture reference;
    private Picture reconstruction;
    private int frameNumber;
    private int idrCount;

    JCodecFrameEncoder(EncoderSettings settings, ConstantQualityRateControl rateControl) {
        this.settings = settings;
        this.rateControl = rateControl;
        this.mbWidth = (settings.width() + 15) >> 4;
        this.mbHeight = (settings.height() + 15) >> 4;
        this.sps = sequenceParameterSet();
        this.pps = new PictureParameterSet();               // CAVLC, one reference, deblocking on, QP 26 + delta
        this.spsBytes = nalUnit(NALUnitType.SPS, sps::write);
        this.ppsBytes = nalUnit(NALUnitType.PPS, pps::write);
        this.maxFrameNumber = 1 << (sps.log2MaxFrameNumMinus4 + 4);
        this.maxPicOrderCount = 1 << (sps.log2MaxPicOrderCntLsbMinus4 + 4);
        this.topLine = new byte[][] {new byte[mbWidth << 4], new byte[mbWidth << 3], new byte[mbWidth << 3]};
        // JCodec's limit: one byte of slice data per pixel (its macroblock encoders cannot say more than that).
        this.sliceData = ByteBuffer.allocate(Math.max(1 << 16, settings.width() * settings.height()));
        this.deblocking = new DeblockerInput(sps);
        this.reference = Picture.create(mbWidth << 4, mbHeight << 4, ColorSpace.YUV420J);
        this.reconstruction = Picture.create(mbWidth << 4, mbHeight << 4, ColorSpace.YUV420J);
        Frame identity = new Frame(16, 16, Picture.create(16, 16, ColorSpace.YUV420J).getData(), ColorSpace.YUV420J,
                null, 0, SliceType.P, null, null, 0);
        this.referenceLists = new Frame[][] {{identity}, {}};  // the deblocking filter compares references by identity
    }

    byte[] sps() {
        return spsBytes.clone();
    }

    byte[] pps() {
        return ppsBytes.clone();
    }

    /** The picture a decoder shows for the last frame encoded (padded to whole macroblocks); for tests. */
    Picture lastDecodedPicture() {
        return reference;
    }

    /**
     * Encodes {@code picture} (YUV420J, the settings' size) as the next frame into {@code sample} (cleared first; the
     * slice NAL unit behind its length). Returns whether it is a key frame.
     */
    boolean encode(Picture picture, ByteBuffer sample) {
        if (frameNumber >= settings.keyFrameInterval()) {
            frameNumber = 0;
        }
        boolean idr = frameNumber == 0;
        while (true) {
            try {
                encodeFrame(picture, sample, idr);
                break;
            } catch (BufferOverflowException e) {
                if (!rateControl.coarser()) {
                    throw new IllegalStateException("Frame does not fit even at the coarsest quantiser", e);
                }
            }
        }
        frameNumber++;
        Picture decoded = reconstruction;
        reconstruction = reference;
        reference = decoded;
        return idr;
    }

    private void encodeFrame(Picture picture, ByteBuffer sample, boolean idr) {
        SliceType sliceType = idr ? SliceType.I : SliceType.P;
        int macroblocks = mbWidth * mbHeight;
        long budgetBits = sliceData.capacity() * 8L * 9 / 10;      // room for the slice header and trailing bits
        int qp = rateControl.startFrame(idr, budgetBits, macroblocks);

        SliceHeader header = new SliceHeader();
        header.sliceType = sliceType;
        if (idr) {
            header.refPicMarkingIDR = new RefPicMarkingIDR(false, false);
            header.idrPicId = idrCount & 1;                  // consecutive IDR pictures must differ
        }
        header.pps = pps;
        header.sps = sps;
        header.picOrderCntLsb = (frameNumber << 1) % maxPicOrderCount;
        header.frameNum = frameNumber % maxFrameNumber;
        header.sliceQpDelta = qp - (pps.picInitQpMinus26 + 26);

        sliceData.clear();
        BitWriter bits = new BitWriter(sliceData);
        SliceHeaderWriter.write(header, idr, NAL_REF_IDC, bits);
        CAVLC[] cavlc = {new CAVLC(sps, pps, 2, 2), new CAVLC(sps, pps, 1, 1), new CAVLC(sps, pps, 1, 1)};
        IntraMacroblockEncoder intra = new IntraMacroblockEncoder(cavlc, leftRow, topLine);
        InterMacroblockEncoder inter = new InterMacroblockEncoder(mbWidth, reference, cavlc, MOTION_SEARCH_RANGE);

        for (int mbY = 0, mbAddr = 0; mbY < mbHeight; mbY++) {
            for (int mbX = 0; mbX < mbWidth; mbX++, mbAddr++) {
                int before = bits.position();
                int mbQp = rateControl.nextMacroblockQp();
                if (idr) {
                    CAVLCWriter.writeUE(bits, IntraMacroblockEncoder.MB_TYPE_CODE);
                    intra.encode(picture, mbX, mbY, bits, macroblock, mbQp, mbQp - qp);
                } else {
                    CAVLCWriter.writeUE(bits, 0);            // mb_skip_run: none skipped
                    CAVLCWriter.writeUE(bits, MBType.P_16x16.code());
                    inter.encode(picture, mbX, mbY, bits, macroblock, mbQp, mbQp - qp);
                }
                qp = mbQp;
                rateControl.macroblockDone(bits.position() - before);
                collectPredictors(mbX);
                MBEncoderHelper.putBlkPic(reconstruction, macroblock.getPixels(), mbX << 4, mbY << 4);
                recordForDeblocking(mbX, mbY, mbAddr, header);
            }
        }
        bits.write1Bit(1);                                   // rbsp_stop_one_bit
        bits.flush();
        new DeblockingFilter(8, 8, deblocking).deblockFrame(reconstruction);

        ByteBuffer payload = bits.getBuffer();
        payload.flip();
        sample.clear();
        int lengthAt = sample.position();
        sample.putInt(0);
        new NALUnit(idr ? NALUnitType.IDR_SLICE : NALUnitType.NON_IDR_SLICE, NAL_REF_IDC).write(sample);
        H264Utils.escapeNAL(payload, sample);
        sample.putInt(lengthAt, sample.position() - lengthAt - 4);
        sample.flip();
        if (idr) {
            idrCount++;
        }
    }

    /** The undeblocked right column and bottom row: what intra prediction of the next macroblocks reads. */
    private void collectPredictors(int mbX) {
        Picture pixels = macroblock.getPixels();
        System.arraycopy(pixels.getPlaneData(0), 240, topLine[0], mbX << 4, 16);
        System.arraycopy(pixels.getPlaneData(1), 56, topLine[1], mbX << 3, 8);
        System.arraycopy(pixels.getPlaneData(2), 56, topLine[2], mbX << 3, 8);
        copyColumn(pixels.getPlaneData(0), 15, 16, leftRow[0]);
        copyColumn(pixels.getPlaneData(1), 7, 8, leftRow[1]);
        copyColumn(pixels.getPlaneData(2), 7, 8, leftRow[2]);
    }

    private static void copyColumn(byte[] plane, int offset, int stride, byte[] into) {
        for (int i = 0; i < into.length; i++, offset += stride) {
            into[i] = plane[offset];
        }
    }

    /** What a decoder knows about the macroblock when it deblocks: type, QPs, coefficient counts, motion. */
    private void recordForDeblocking(int mbX, int mbY, int mbAddr, SliceHeader header) {
        int qp = macroblock.getQp();
        deblocking.mbTypes[mbAddr] = macroblock.getType();
        deblocking.mbQps[0][mbAddr] = qp;
        deblocking.mbQps[1][mbAddr] = ChromaQp.of(qp);
        deblocking.mbQps[2][mbAddr] = ChromaQp.of(qp);
        deblocking.shs[mbAddr] = header;
        deblocking.refsUsed[mbAddr] = referenceLists;
        boolean intra = macroblock.getType() == MBType.I_16x16;
        int[] counts = macroblock.getNc();
        for (int block = 0; block < 16; block++) {
            int blkX = (mbX << 2) + (block & 3);
            int blkY = (mbY << 2) + (block >> 2);
            deblocking.nCoeff[blkY][blkX] = counts[block];
            int mv = intra ? H264Utils.Mv.packMv(0, 0, -1)
                    : H264Utils.Mv.packMv(macroblock.getMx()[block], macroblock.getMy()[block], 0);
            deblocking.mvs.setMv(blkX, blkY, 0, mv);
            deblocking.mvs.setMv(blkX, blkY, 1, H264Utils.Mv.packMv(0, 0, -1));
        }
    }

    private SeqParameterSet sequenceParameterSet() {
        SeqParameterSet result = new SeqParameterSet();
        result.picWidthInMbsMinus1 = mbWidth - 1;
        result.picHeightInMapUnitsMinus1 = mbHeight - 1;
        result.chromaFormatIdc = ColorSpace.YUV420J;
        result.profileIdc = 66;                              // baseline, and within it constrained baseline:
        result.constraintSet0Flag = true;                    // CAVLC, no FMO/ASO — what browsers and hardware take
        result.constraintSet1Flag = true;
        result.levelIdc = H264Level.levelIdc(settings.width(), settings.height(), settings.frameRate().perSecond());
        result.numRefFrames = 1;
        result.frameMbsOnlyFlag = true;
        result.log2MaxFrameNumMinus4 = Math.max(0, MathUtil.log2(settings.keyFrameInterval()) - 3);
        int codedWidth = mbWidth << 4;
        int codedHeight = mbHeight << 4;
        result.frameCroppingFlag = codedWidth != settings.width() || codedHeight != settings.height();
        result.frameCropRightOffset = (codedWidth - settings.width()) >> 1;     // in 4:2:0, units of 2 pixels
        result.frameCropBottomOffset = (codedHeight - settings.height()) >> 1;

        ColourTags colour = ColourTags.of(settings);
        VUIParameters vui = new VUIParameters();
        vui.videoSignalTypePresentFlag = true;
        vui.videoFormat = VIDEO_FORMAT_UNSPECIFIED;
        vui.videoFullRangeFlag = colour.fullRange();
        vui.colourDescriptionPresentFlag = true;
        vui.colourPrimaries = colour.primaries();
        vui.transferCharacteristics = colour.transfer();
        vui.matrixCoefficients = colour.matrix();
        vui.timingInfoPresentFlag = true;                    // a tick is a field: two per frame
        vui.numUnitsInTick = settings.frameRate().seconds();
        vui.timeScale = 2 * settings.frameRate().frames();
        vui.fixedFrameRateFlag = true;
        VUIParameters.BitstreamRestriction restriction = new VUIParameters.BitstreamRestriction();
        restriction.motionVectorsOverPicBoundariesFlag = true;
        restriction.log2MaxMvLengthHorizontal = 16;
        restriction.log2MaxMvLengthVertical = 16;
        restriction.numReorderFrames = 0;                    // no B-frames: show each frame as soon as it is decoded
        restriction.maxDecFrameBuffering = 1;
        vui.bitstreamRestriction = restriction;
        result.vuiParams = vui;
        return result;
    }

    /** A parameter set as the NAL unit MP4 keeps in avcC: header byte, then the escaped payload. */
    private static byte[] nalUnit(NALUnitType type, java.util.function.Consumer<ByteBuffer> writer) {
        ByteBuffer raw = ByteBuffer.allocate(1024);
        writer.accept(raw);
        raw.flip();
        ByteBuffer nal = ByteBuffer.allocate(2048);
        new NALUnit(type, NAL_REF_IDC).write(nal);
        H264Utils.escapeNAL(raw, nal);
        nal.flip();
        byte[] bytes = new byte[nal.remaining()];
        nal.get(bytes);
        return bytes;
    }
}
