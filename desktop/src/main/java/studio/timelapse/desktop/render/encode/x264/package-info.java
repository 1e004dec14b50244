/**
 * x264, the best H.264 encoder there is, two ways: in the FFmpeg libraries bundled with the studio ({@code
 * org.bytedeco:ffmpeg} with the GPL natives: nothing to install), and in an {@code ffmpeg} program on PATH for platforms
 * without them. Both take the same settings to the same x264 options. Bundling x264 makes the studio GPL: ADR 0005.
 */
package studio.timelapse.desktop.render.encode.x264;
