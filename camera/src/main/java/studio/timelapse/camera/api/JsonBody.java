package studio.timelapse.camera.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.camera.http.HttpRefusal;

/**
 * Reads a request body as one protocol record, strictly: JSON only (else 415), within the app's size limit (else
 * 413, enforced by Javalin while reading), and every mapping problem — malformed JSON, an unknown field, a wrong type,
 * a value the record refuses — a 400 that names the field and says what was wrong. Jackson's own text, which can
 * quote the body, is not passed on.
 */
final class JsonBody {
    private final ObjectMapper json;

    JsonBody(ObjectMapper json) {
        this.json = json;
    }

    <T> T read(Context ctx, Class<T> type) {
        requireJson(ctx);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw Invalid.refused("body", "api.body_missing", "The request has no body",
                    "send a " + type.getSimpleName() + " as JSON");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw Invalid.refused("body", "api.body_null", "The body is null",
                        "send a " + type.getSimpleName() + " as JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new RefusedException(refusal(e, type));
        } catch (IOException e) {
            throw new IllegalStateException("reading a body held in memory failed", e);
        }
    }

    private static void requireJson(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw HttpRefusal.withStatus(415, Refusal.of(Refusal.Kind.INVALID, "api.not_json",
                    "The body must be JSON, but its Content-Type is " + (contentType == null ? "missing" : contentType),
                    "send Content-Type: application/json"));
        }
    }

    private static Refusal refusal(JsonProcessingException e, Class<?> type) {
        String at = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String field = at.isEmpty() ? "body" : at;
        String where = at.isEmpty() ? "" : " at '" + at + "'";
        String remedy = "see the " + type.getSimpleName() + " record in docs/protocol.md";
        if (e instanceof JsonParseException) {
            return Invalid.input("body", "api.malformed_json", "The body is not valid JSON"
                    + location(e) + ": " + e.getOriginalMessage(), "send one JSON object");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : "; the known fields here are " + unknown.getKnownPropertyIds().stream().map(Object::toString)
                            .sorted().collect(Collectors.joining(", "));
            return Invalid.input(field, "api.unknown_field", "There is no field '" + name + "'" + where(unknown),
                    "remove it" + known);
        }
        if (e instanceof ValueInstantiationException refused) {
            Throwable cause = refused.getCause() == null ? refused : refused.getCause();
            return Invalid.input(field, "api.invalid_value", "The value" + where + " is not allowed: "
                    + cause.getMessage(), remedy);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && firstLine(e).startsWith("Cannot map `null`")) {
            return Invalid.input(field, "api.missing_value", "The value" + where + " is missing or null",
                    "give a " + mismatch.getTargetType().getSimpleName() + "; " + remedy);
        }
        if (e instanceof InvalidFormatException format) {
            return Invalid.input(field, "api.wrong_type", "The value" + where + " is not a "
                    + format.getTargetType().getSimpleName(), remedy);
        }
        return Invalid.input(field, "api.wrong_type", "The value" + where + " does not fit: " + firstLine(e), remedy);
    }

    private static String where(UnrecognizedPropertyException unknown) {
        String parent = path(unknown);
        int cut = parent.lastIndexOf('.');
        parent = cut < 0 ? "" : parent.substring(0, cut);
        return parent.isEmpty() ? "" : " in '" + parent + "'";
    }

    /** {@code schedule.maxFrames}, {@code refusals[2].code}: the JSON path of the value at fault. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Jackson's first sentence only: the rest names Java classes and quotes the source. */
    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
