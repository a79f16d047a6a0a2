package io.commandpost.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedMethodsTest {

    @ParameterizedTest
    @CsvSource({
            "/v1/teams/{id}, /v1/teams/payments, true",
            "/v1/teams/{id}, /v1/teams/payments/, true",
            "/v1/teams/{id}, /v1/teams/payments/queue, false",
            "/v1/teams/{id}/queue/{kind}/{itemId}, /v1/teams/a/queue/ALERT/x, true",
            "'/v1/calendars/{file: .+\\.ics}', /v1/calendars/team.ics, true",
            "/v2/enqueue, /v2/enqueue, true",
            "/v2/enqueue, /v2/enqueuex, false",
    })
    void pathTemplatesMatchLikeJaxRs(String template, String path, boolean matches) {
        assertThat(AllowedMethods.toRegex(template).matcher(path).matches()).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"/v1/teams, '', /v1/teams", "'/v1/', 'teams/', /v1/teams", "/, /, /"})
    void classAndMethodPathsJoinWithSingleSlashes(String classPath, String methodPath, String joined) {
        assertThat(AllowedMethods.join(classPath, methodPath)).isEqualTo(joined);
    }
}
