package org.vae4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** JSON text for reports. */
class JsonTest {

    @Test
    void writesNestedValuesEscapedAndNaNAsNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"b\"\n\\");
        m.put("n", 3);
        m.put("x", Double.NaN);
        m.put("list", List.of(1.5, true));
        m.put("empty", Map.of());
        assertEquals("{\n  \"name\": \"a \\\"b\\\"\\n\\\\\",\n  \"n\": 3,\n  \"x\": null,\n"
                + "  \"list\": [\n    1.5,\n    true\n  ],\n  \"empty\": {}\n}\n", Json.write(m));
    }
}
