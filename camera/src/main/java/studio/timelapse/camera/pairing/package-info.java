/**
 * Pairing a studio with this camera: the pairing window that only a local action opens (the button, the console
 * command), its one-time code and LED pattern, the rate limits on guessing it, and the paired studios. No HTTP here:
 * {@code camera.security} serves the handshake, so that no network request can reach {@link
 * studio.timelapse.camera.pairing.PairingWindows#open}.
 */
package studio.timelapse.camera.pairing;
