package studio.timelapse.camera.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.protocol.FrameSettings;

/** A frame's settings and exposure as the index stores them: JSON. */
final class FrameJson {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String settings(FrameSettings settings) {
        return write(settings, "the frame's settings");
    }

    String exposure(Map<String, Object> exposure) {
        return write(exposure, "the frame's exposure");
    }

    Optional<FrameSettings> settings(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, FrameSettings.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame's stored settings are not readable: " + json, e);
        }
    }

    Map<String, Object> exposure(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame's stored exposure is not readable: " + json, e);
        }
    }

    private String write(Object value, String what) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " cannot be saved as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
