package io.commandpost.notification.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with its email channel on, sending over real SMTP to the tests' GreenMail server. */
public class MailProfile implements QuarkusTestProfile {

    public static final String MESSAGE_ID_DOMAIN = "commandpost.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "commandpost.notify.email.enabled", "true",
                "commandpost.notify.email.from", "CommandPost <commandpost@example.com>",
                "commandpost.notify.email.message-id-domain", MESSAGE_ID_DOMAIN,
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(TestSmtpServer.get().port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false");
    }
}
