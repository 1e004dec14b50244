/**
 * The LAN protocol's records, shared by the camera agent (which serves them under {@code /api/v1}) and the studio
 * (which reads them): JSON through Jackson, documented in docs/protocol.md. Records only; variants are sealed
 * interfaces. Nothing here knows about HTTP libraries.
 */
package studio.timelapse.shared.protocol;
