package io.commandpost.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyFilterTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "Bearer abc, abc",
            "bearer abc, abc",
            "BEARER   abc  , abc",
            "Basic abc, NULL",
            "Bearer, NULL",
            "'Bearer    ', NULL",
            "NULL, NULL",
    })
    void extractsTheTokenOfABearerHeaderOnly(String header, String token) {
        assertThat(ApiKeyFilter.bearerToken(header)).isEqualTo(token);
    }

    @Test
    void pointersNameTheOffendingField() throws Exception {
        var mapper = io.commandpost.events.EventJson.mapper();
        try {
            mapper.readValue("{\"a/b\":[1,{\"c\":\"x\"}]}",
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String,
                            java.util.List<java.util.Map<String, Integer>>>>() { });
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            assertThat(ProblemMappers.pointerOf(e.getPath())).isEqualTo("/a~1b/0");
            return;
        }
        throw new AssertionError("expected a mapping error");
    }
}
