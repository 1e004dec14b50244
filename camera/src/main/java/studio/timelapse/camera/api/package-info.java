/**
 * The agent's LAN protocol over HTTP, {@code /api/v1} (docs/protocol.md). {@link
 * studio.timelapse.camera.api.AgentApp} builds the Javalin app from the parts it serves, each behind a small interface
 * of this package that the rest of the agent implements: {@link studio.timelapse.camera.api.FrameSource} (the frame
 * store), {@link studio.timelapse.camera.api.CameraControl} (status, configuration, the capture state machine) and
 * {@link studio.timelapse.camera.api.EventHub} (events for the stream, published by whoever has news).
 *
 * <p>Inside: one route class per feature ({@code FrameRoutes}, {@code ControlRoutes}, {@code EventStream},
 * {@code LogRoutes}, {@code HealthRoute}); every error answered in one place ({@code ApiErrors},
 * {@code JsonErrorPages}); every request one action in the log ({@code RequestLog}, {@code RequestScope}); frame
 * downloads decided by pure, table-tested logic ({@code DownloadPlan}, {@code ByteRanges}) and streamed by
 * {@code FrameDownload}. Authentication and TLS are added to the app as extensions by the pairing component.
 */
package studio.timelapse.camera.api;
