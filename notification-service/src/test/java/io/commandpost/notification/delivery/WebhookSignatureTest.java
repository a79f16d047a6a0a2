package io.commandpost.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // Expected values computed once with:
    //   printf '%s' '<ts>.<body>' | openssl dgst -sha256 -hmac <secret>
    private static final String BODY = "{\"notificationId\":\"0b6c7f1e-5d1a-4c55-9a57-2f7c2a9e1c11\",\"team\":\"payments\"}";
    private static final String UTF8_BODY = "{\"summary\":\"disk 95% full on db-1 — café\"}";

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        assertThat(WebhookSignature.sign("dev-secret", 1700000000L, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=e8b94fcc5c12a8fff61e9dcf12765a0f98405d257bff8cd21114dfdb082c7777");
    }

    @Test
    void signsTheBodyBytesAsUtf8() {
        assertThat(WebhookSignature.sign("s3cr3t", 1712345678L, UTF8_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=9021ace7acf728d21cfc774426fcfb3057f27c9a47fe727e9064c410f80d1e34");
    }

    @Test
    void verifiesOnlyTheExactSecretTimestampAndBody() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String header = "sha256=e8b94fcc5c12a8fff61e9dcf12765a0f98405d257bff8cd21114dfdb082c7777";
        assertThat(WebhookSignature.verify("dev-secret", 1700000000L, body, header)).isTrue();
        assertThat(WebhookSignature.verify("other-secret", 1700000000L, body, header)).isFalse();
        assertThat(WebhookSignature.verify("dev-secret", 1700000001L, body, header)).isFalse();
        assertThat(WebhookSignature.verify("dev-secret", 1700000000L, "{}".getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
        assertThat(WebhookSignature.verify("dev-secret", 1700000000L, body, null)).isFalse();
    }
}
