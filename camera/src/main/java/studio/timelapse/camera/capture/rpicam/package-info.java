/**
 * The Raspberry Pi camera module through libcamera's {@code rpicam-still} (or {@code libcamera-still} on older
 * systems), one process per frame. Why a process and not JNI: docs/decisions/0004-camera-backends-as-processes.md.
 */
package studio.timelapse.camera.capture.rpicam;
