package studio.timelapse.desktop.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A definition as the JSON in {@code sequence.definition}: readable, with ISO-8601 times. */
final class SequenceDefinitionJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a newer studio may add rules
            .build();

    private SequenceDefinitionJson() {}

    static String write(SequenceDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sequence definition is plain data and always serialises", e);
        }
    }

    static SequenceDefinition read(String json) {
        try {
            return JSON.readValue(json, SequenceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sequence definition in the library is not readable: " + json, e);
        }
    }
}
