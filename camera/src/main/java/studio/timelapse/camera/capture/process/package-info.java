/**
 * What the real camera backends share: finding a camera tool on the agent's {@code PATH} ({@link Executables}),
 * running it under a deadline and killing it with its children when the deadline passes ({@link ProcessRunner}),
 * finding leftovers of earlier runs ({@link StrayProcesses}), and checking what a camera wrote
 * ({@link JpegCheck}, {@link ExifExposure}).
 */
package studio.timelapse.camera.capture.process;
