package io.commandpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void aNamedKeyCarriesItsNameAndRole() {
        ApiKey key = ApiKey.parse("ci:responder:s3cret");
        assertThat(key.name()).isEqualTo("ci");
        assertThat(key.role()).isEqualTo(Roles.RESPONDER);
        assertThat(new String(key.secret(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
    }

    @Test
    void aPlainKeyIsAnAdminNamedApiKey() {
        ApiKey key = ApiKey.parse("dev-api-key");
        assertThat(key.name()).isEqualTo("api-key");
        assertThat(key.role()).isEqualTo(Roles.ADMIN);
    }

    @Test
    void aSecretMayContainColons() {
        assertThat(new String(ApiKey.parse("slack:service:a:b").secret(), StandardCharsets.UTF_8)).isEqualTo("a:b");
    }

    @Test
    void aNamedKeyWithoutSecretIsRefused() {
        assertThatThrownBy(() -> ApiKey.parse("ci:admin:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Roles.implied(Roles.ADMIN)).containsExactlyInAnyOrder(Roles.ADMIN, Roles.RESPONDER, Roles.VIEWER);
        assertThat(Roles.implied(Roles.SERVICE)).doesNotContain(Roles.ADMIN).contains(Roles.RESPONDER);
        assertThat(Roles.implied(Roles.VIEWER)).containsExactly(Roles.VIEWER);
        assertThat(Roles.implied("root")).isEmpty();
    }
}
