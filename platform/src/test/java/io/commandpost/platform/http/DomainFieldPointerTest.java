package io.commandpost.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainFieldPointerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timeZone | /timeZone",
            "members[0].handle | /members/0/handle",
            "members.0.handle | /members/0/handle",
            "rotation[12] | /rotation/12",
            "a/b~c | /a~1b~0c",
    })
    void aDomainFieldPathBecomesTheJsonPointerOfTheRequestField(String field, String pointer) {
        assertThat(ProblemMappers.pointerOf(field)).isEqualTo(pointer);
    }

    @ParameterizedTest
    @CsvSource(value = {"''"})
    void noFieldIsTheWholeDocument(String field) {
        assertThat(ProblemMappers.pointerOf(field)).isEmpty();
    }
}
