package io.commandpost.ingest.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.Link;
import io.commandpost.ingest.alertmanager.AlertmanagerMapper;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * Grafana unified alerting's webhook: an Alertmanager v4 group plus, per alert, the evaluated
 * {@code values} (or {@code valueString} before Grafana 9.x), and silence / dashboard / panel /
 * image URLs, all kept (URLs as links, values as details).
 */
public final class GrafanaMapper {

    public static final String SOURCE = "grafana";

    private GrafanaMapper() {
    }

    public static List<AlertEvent> map(JsonNode body, IntakeContext context) {
        return AlertmanagerMapper.map(body, context, SOURCE, GrafanaMapper::addExtras);
    }

    private static void addExtras(JsonNode alert, String pointer, List<Link> links, Map<String, Object> details) {
        AlertmanagerMapper.addLink(links, JsonFields.text(alert, "dashboardURL", pointer), "Dashboard");
        AlertmanagerMapper.addLink(links, JsonFields.text(alert, "panelURL", pointer), "Panel");
        AlertmanagerMapper.addLink(links, JsonFields.text(alert, "imageURL", pointer), "Image");
        AlertmanagerMapper.addLink(links, JsonFields.text(alert, "silenceURL", pointer), "Silence");
        JsonNode values = alert.get("values");
        if (values != null && !values.isNull()) {
            details.put("values", JsonFields.anyMap(alert, "values", pointer));
        }
        String valueString = JsonFields.text(alert, "valueString", pointer);
        if (valueString != null) {
            details.put("valueString", valueString);
        }
    }
}
