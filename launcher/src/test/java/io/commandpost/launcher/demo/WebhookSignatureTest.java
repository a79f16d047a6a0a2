package io.commandpost.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"team\":\"payments\"}".getBytes(StandardCharsets.UTF_8);
    // computed independently: python3 hmac.new(b'whsec_test', b'1700000000.' + body, sha256)
    private static final String EXPECTED = "sha256=0bc78d10b3b053e5a0a83106876ed57d709ca963c9ed1aa1e9360580e70bbb6c";

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        assertThat(WebhookSignature.sign("whsec_test", "1700000000", BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsOnlyTheExactSignatureOfThisTimestampAndBody() {
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", BODY, EXPECTED)).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", "1700000001", BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify("other", "1700000000", BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", null, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", BODY, null)).isFalse();
    }
}
