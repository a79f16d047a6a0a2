package io.commandpost.systemtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Alertmanager v4 webhook bodies, as Alertmanager would send them. */
final class Alertmanager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Alertmanager() {
    }

    /** One firing alert; the fingerprint makes it a distinct alert, the summary lets the test find it. */
    static String firing(String fingerprint, String alertname, String severity, String summary, Instant startsAt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", "4");
        body.put("groupKey", "{}:{alertname=\"" + alertname + "\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", "firing");
        body.put("receiver", "commandpost");
        body.putObject("groupLabels").put("alertname", alertname);
        body.putObject("commonLabels").put("alertname", alertname).put("severity", severity);
        body.putObject("commonAnnotations");
        body.put("externalURL", "http://alertmanager.example:9093");
        ObjectNode alert = body.putArray("alerts").addObject();
        alert.put("status", "firing");
        alert.putObject("labels").put("alertname", alertname).put("severity", severity)
                .put("service", "checkout").put("instance", fingerprint);
        alert.putObject("annotations").put("summary", summary).put("description", summary + " (system test)");
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus.example/graph?g0.expr=up");
        alert.put("fingerprint", fingerprint);
        return body.toString();
    }
}
