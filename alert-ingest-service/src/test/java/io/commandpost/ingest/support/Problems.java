package io.commandpost.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** What every refusal must be: an RFC 9457 problem with the status, and the request id in header, body and instance. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat((String) response.path("requestId")).isEqualTo(requestId);
        assertThat((String) response.path("instance")).isEqualTo("urn:uuid:" + requestId);
        assertThat((Integer) response.path("status")).isEqualTo(status);
    }
}
