package io.commandpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox("a key", "commandpost.secrets.key");

    @Test
    void opensWhatItSealedAndNeverStoresItInClear() {
        byte[] sealed = box.seal("xoxb-secret-token");

        assertThat(box.open(sealed)).isEqualTo("xoxb-secret-token");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("xoxb-secret-token");
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
    }

    @Test
    void aSecretSealedUnderAnotherKeyIsRefusedNamingTheSetting() {
        byte[] sealed = new SecretBox("another key", "commandpost.secrets.key").seal("secret");

        assertThatThrownBy(() -> box.open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commandpost.secrets.key");
    }
}
