package io.commandpost.launcher;

import io.commandpost.launcher.demo.DemoSeed;
import java.time.Duration;
import java.util.Locale;

/** What the run command prints once everything is ready: where things are and how to try them. */
final class Banner {

    private Banner() {
    }

    static String text(CommandPostSystem system, String integrationToken, Duration sinceRunStarted) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(String.format(Locale.ROOT, "CommandPost is ready: %.1f s from ./run to all services ready "
                + "(%.1f s to start infrastructure and services)%n", seconds(sinceRunStarted), seconds(system.startupTime())));
        out.append('\n');
        out.append("  Console: open ").append(system.url(Service.CONSOLE)).append("   (pages, and every public API path)\n");
        out.append("  Demo sign-in — local accounts, NOT FOR PRODUCTION:\n");
        for (ConsoleAccounts.Account account : system.consoleAccounts().all()) {
            out.append(String.format(Locale.ROOT, "    %-6s password %s   (%s)%n", account.handle(), account.password(),
                    String.join(", ", account.roles())));
        }
        out.append('\n');
        for (Service service : Service.values()) {
            String base = system.url(service).toString();
            out.append(String.format(Locale.ROOT, "  %-21s %s   API docs %s/q/swagger-ui   health %s/q/health%n",
                    service.moduleName(), base, base, base));
        }
        out.append('\n');
        out.append("  Kafka        ").append(system.kafkaDescription()).append('\n');
        out.append("  PostgreSQL   ").append(system.database().describe()).append('\n');
        out.append("  Pages go to  ").append(system.pageWebhookUrl())
                .append(system.pageReceiver().isPresent() ? "  (built-in receiver: each page is printed here)" : "")
                .append('\n');
        out.append("  Logs         ").append(system.options().logDir()).append('\n');
        out.append('\n');
        out.append("  Demo API key: ").append(system.apiKey()).append('\n');
        out.append('\n');
        out.append("  Fire a test Alertmanager alert (team \"").append(DemoSeed.TEAM).append("\"; each run of it is a new alert):\n");
        out.append(alertCurl(system, integrationToken)).append('\n');
        out.append('\n');
        out.append("  Read the team's queue:\n");
        out.append("    curl -sS ").append(system.url(Service.INCIDENT)).append("/v1/teams/").append(DemoSeed.TEAM)
                .append("/queue -H 'Authorization: Bearer ").append(system.apiKey()).append("'\n");
        out.append('\n');
        out.append("  Who is on call, and the pages sent:\n");
        out.append("    curl -sS ").append(system.url(Service.ROTATION)).append("/v1/teams/").append(DemoSeed.TEAM)
                .append("/on-call -H 'Authorization: Bearer ").append(system.apiKey()).append("'\n");
        out.append("    curl -sS '").append(system.url(Service.NOTIFICATION)).append("/v1/notifications?team=")
                .append(DemoSeed.TEAM).append("' -H 'Authorization: Bearer ").append(system.apiKey()).append("'\n");
        out.append('\n');
        out.append("Press Ctrl-C to stop everything (services, broker, database); a rerun keeps the data.\n");
        return out.toString();
    }

    private static String alertCurl(CommandPostSystem system, String token) {
        String now = "'\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"'";
        String run = "'\"$(date +%s)\"'";
        String body = "{\"version\":\"4\",\"groupKey\":\"demo\",\"status\":\"firing\",\"receiver\":\"commandpost\","
                + "\"groupLabels\":{\"alertname\":\"CheckoutErrorRate\"},\"commonLabels\":{},\"commonAnnotations\":{},"
                + "\"externalURL\":\"http://alertmanager.example:9093\",\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"alertname\":\"CheckoutErrorRate\",\"severity\":\"critical\",\"service\":\"checkout\","
                + "\"run\":\"" + run + "\"},\"annotations\":{\"summary\":\"Checkout error rate above 5%\","
                + "\"description\":\"5xx ratio 7.2% over 5m\"},\"startsAt\":\"" + now + "\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus.example/graph\","
                + "\"fingerprint\":\"demo-" + run + "\"}]}";
        return "    curl -sS -X POST " + system.url(Service.ALERT_INGEST) + "/v1/webhooks/alertmanager \\\n"
                + "      -H 'Authorization: Bearer " + token + "' -H 'Content-Type: application/json' \\\n"
                + "      -d '" + body + "'";
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
