/**
 * A GoPro over the Open GoPro HTTP API (Wi-Fi or wired USB): photo preset group, shutter, state polling, media
 * list, download and delete, with a keep-alive on a timer so that the camera stays awake and on the network.
 */
package studio.timelapse.camera.capture.gopro;
