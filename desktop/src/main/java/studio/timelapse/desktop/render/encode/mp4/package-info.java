/**
 * Reading and writing MP4 files that hold one H.264 video track, the only kind renders make.
 *
 * <p>Ours rather than JCodec's muxer, whose files are QuickTime-flavoured (an {@code alis} data reference, {@code
 * mhlr}/{@code appl} handlers), which several players refuse, and which cannot put the index before the data. We write
 * plain ISO base media files as FFmpeg does for MP4: {@code ftyp isom}, one {@code trak} with {@code avc1}/{@code
 * avcC} and a {@code colr} box, composition offsets with an edit list where frames are reordered, 64-bit chunk
 * offsets; and, when the whole sample table is known first (a join), the index ({@code moov}) before the data, so that
 * a browser starts playing before the download ends.
 */
package studio.timelapse.desktop.render.encode.mp4;
