/**
 * A DSLR or mirrorless camera on USB through {@code gphoto2}, one process per frame, with retries while the camera
 * says it is busy. Why a process: docs/decisions/0004-camera-backends-as-processes.md.
 */
package studio.timelapse.camera.capture.gphoto;
