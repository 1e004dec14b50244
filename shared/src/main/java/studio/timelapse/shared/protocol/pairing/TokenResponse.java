package studio.timelapse.shared.protocol.pairing;

/**
 * A fresh access token.
 *
 * @param accessToken an ES256 JWT to send as {@code Authorization: Bearer <token>}; opaque to the studio
 * @param tokenType always {@code Bearer}
 * @param expiresInSeconds how long the token is valid from now, by the agent's clock
 * @param nextChallenge the challenge to sign for the next token request
 */
public record TokenResponse(String accessToken, String tokenType, long expiresInSeconds, String nextChallenge) {}
