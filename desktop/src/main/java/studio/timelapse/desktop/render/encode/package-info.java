/**
 * H.264 encoders for renders, behind one interface: the frame pipeline fills {@link
 * studio.timelapse.desktop.render.encode.VideoFrame}s and hands them, in order, to a {@link
 * studio.timelapse.desktop.render.encode.VideoEncoder} opened from an {@link
 * studio.timelapse.desktop.render.encode.EncoderFactory} with {@link
 * studio.timelapse.desktop.render.encode.EncoderSettings}; {@link studio.timelapse.desktop.render.encode.Encoders}
 * chooses the factory (x264 where available, else JCodec) and says why.
 *
 * <p>A render is encoded in segments that each start with a key frame, so that it can resume after a killed process
 * and encode independent segments on several cores; {@code SegmentJoiner} joins the finished segment files into one
 * MP4 without re-encoding.
 */
package studio.timelapse.desktop.render.encode;
