/**
 * The agent's security: its own key pair and self-signed certificate ({@link
 * studio.timelapse.camera.security.AgentIdentity}), HTTPS under Javalin, the pairing and token endpoints, short-lived
 * ES256 access tokens, and {@link studio.timelapse.camera.security.AccessControl} — the one place that enforces
 * authentication. {@link studio.timelapse.camera.security.AgentSecurity} puts them together for the agent's app.
 */
package studio.timelapse.camera.security;
