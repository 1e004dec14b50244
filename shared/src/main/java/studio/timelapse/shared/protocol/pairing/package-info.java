/**
 * The pairing handshake and the token exchange between a studio and a camera agent (docs/camera-agent.md, "Pairing
 * and security"): records for JSON through Jackson, and {@link studio.timelapse.shared.protocol.pairing.TokenProof},
 * the statement a studio signs with its key to get an access token. JDK only.
 */
package studio.timelapse.shared.protocol.pairing;
