package io.commandpost.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The verbatim payloads under src/test/resources/fixtures (see SOURCES.md there). */
public final class Fixtures {

    public static final String ZULIP_2_ALERTS = "alertmanager/zulip-alert-firing-2-alerts.json";
    public static final String FAMEDLY_SINGLE = "alertmanager/famedly-sample-v4-firing-single.json";
    public static final String MSTEAMS_19_LEGACY = "alertmanager/prometheus-msteams-large-19-alerts-legacy-shape.json";

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
