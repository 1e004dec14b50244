package studio.timelapse.camera.api;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a frame download is validated against: its length, its SHA-256 (the strong entity tag and the RFC 9530
 * digest) and when its file was last modified (whole seconds, as HTTP dates have them).
 */
record Representation(long length, String sha256, Instant lastModified) {
    Representation {
        lastModified = Instant.ofEpochSecond(lastModified.getEpochSecond());
    }

    /** The strong entity tag: the quoted hex digest. */
    String etag() {
        return "\"" + sha256 + "\"";
    }

    /** The {@code Repr-Digest} field value of RFC 9530: {@code sha-256=:<base64 of the digest>:}. */
    String reprDigest() {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":";
    }
}
