package studio.timelapse.camera.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.camera.http.HttpRefusal;

/**
 * Reads the small JSON bodies of the unauthenticated endpoints, which anyone on the network may send: at most
 * {@value #LIMIT} bytes (413 beyond), well-formed JSON of the expected shape (400 otherwise), each with an
 * {@code ErrorBody} that says what is wrong.
 */
final class JsonBodies {
    static final int LIMIT = 16 * 1024;
    /** An oversized body is read this far before the 413, so that the client is done sending and sees the answer. */
    private static final int DRAIN_LIMIT = 1024 * 1024;

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    <T> T read(Context ctx, Class<T> type) {
        return readIfAny(ctx, type).orElseThrow(
                () -> HttpRefusal.invalid(List.of(invalid("request.body_missing", "The request has no body"))));
    }

    /** Empty for an empty body, for endpoints where no body means no credentials rather than bad input. */
    <T> Optional<T> readIfAny(Context ctx, Class<T> type) {
        byte[] body = readBounded(ctx);
        if (body.length == 0) {
            return Optional.empty();
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw HttpRefusal.invalid(List.of(invalid("request.json_invalid",
                    "The request body is not the expected JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw HttpRefusal.invalid(List.of(invalid("request.body_unreadable",
                    "The request body could not be read: " + e.getMessage())));
        }
        if (value == null) {
            throw HttpRefusal.invalid(List.of(invalid("request.body_missing", "The request body is null")));
        }
        return Optional.of(value);
    }

    private static byte[] readBounded(Context ctx) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > DRAIN_LIMIT) {
                    break;
                }
                if (total <= LIMIT) {
                    body.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            throw HttpRefusal.invalid(List.of(invalid("request.body_unreadable",
                    "The request body could not be read: " + e.getMessage())));
        }
        if (total > LIMIT) {
            throw HttpRefusal.tooLarge(Refusal.of(Refusal.Kind.INVALID, "request.too_large",
                    "The request body is larger than " + LIMIT + " bytes", "send a smaller body")
                    .withDetails(Map.of("limit_bytes", LIMIT)));
        }
        return body.toByteArray();
    }

    private static Refusal invalid(String code, String reason) {
        return Refusal.of(Refusal.Kind.INVALID, code, reason, "send a JSON object as docs/camera-agent.md describes");
    }
}
