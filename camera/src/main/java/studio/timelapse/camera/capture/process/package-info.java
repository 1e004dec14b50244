/**
 * What the real camera backends share: finding a camera tool on the agent's {@code PATH} ({@link Executables}),
 * running it under a deadline and killing it with its children when the deadline passes ({@link ProcessRunner}),
 * finding leftovers of earlier runs ({@link StrayProcesses}), and reading a camera's exposure from what it wrote
 * ({@link ExifExposure}). Whether it wrote a whole JPEG is {@link studio.timelapse.camera.capture.JpegCheck}'s
 * call, the same check the store makes.
 */
package studio.timelapse.camera.capture.process;
