package dev.gan4j.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonErrorsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aSyntaxErrorSaysWhereWithoutJacksonsSource() {
        JsonProcessingException cutOff = assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"step\": 1, \"d_lo"));
        assertEquals("not valid JSON: Unexpected end-of-input in field name at line 1, column 18", JsonErrors.notValidJson(cutOff));

        JsonProcessingException mismatched = assertThrows(JsonProcessingException.class, () -> mapper.readTree("[1,\n2}"));
        assertEquals("not valid JSON: Unexpected close marker '}': expected ']' (for Array starting at line 1) at line 2, column 2",
                JsonErrors.describe(mismatched));
    }

    record Holder(Map<String, Shape> shapes) {
    }

    @Test
    void aMappingErrorNamesTheField() {
        JsonProcessingException wrongType = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"shapes\": {\"a\": [2], \"b\": \"x\"}}", Holder.class));
        String message = JsonErrors.describe(wrongType);
        assertTrue(message.startsWith("shapes.b: "), message);
        assertFalse(message.contains("Source") || message.contains("reference chain"), message);
    }
}
