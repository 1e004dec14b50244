/**
 * H.264 in pure Java, on JCodec 0.2.5's building blocks, for machines without x264. JCodec's own encoder writes streams
 * that decoders show differently from what it encoded (see {@link
 * studio.timelapse.desktop.render.encode.jcodec.JCodecFrameEncoder}); the classes derived from it carry JCodec's
 * licence notice (BSD-2-Clause) in their header.
 */
package studio.timelapse.desktop.render.encode.jcodec;
