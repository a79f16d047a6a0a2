package io.commandpost.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The services' audits as one list: each service answers its own {@code GET /v1/audit} newest first; the trail
 * merges them by time, newest first, and cuts one page. Pure: no I/O.
 */
public final class AuditTrail {

    /** One entry as the page shows it; {@code data} is the event's data as JSON text. */
    @TemplateData
    public record Entry(Instant at, String service, String actor, String via, String what, String team,
                        String aggregate, String summary, String data) {

        /** The time as ISO-8601 text (templates format it with {@code .when}). */
        public String time() {
            return at.toString();
        }
    }

    /** One page of the merged trail; {@code hasOlder} when entries beyond it exist. */
    public record Page(List<Entry> entries, int number, int size, boolean hasOlder) {

        public boolean hasNewer() {
            return number > 1;
        }
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at).reversed()
            .thenComparing(Entry::service);

    private AuditTrail() {
    }

    /** How many entries to ask each service for so that page {@code number} of {@code size} is exact. */
    public static int wanted(int number, int size) {
        return number * size + 1;
    }

    /**
     * Page {@code number} (from 1) of {@code size} entries of the services' answers merged, newest first. Each
     * service's answer must hold its newest {@link #wanted} entries (or all it has) for the page to be exact.
     */
    public static Page page(Map<String, JsonNode> answers, int number, int size) {
        List<Entry> all = new ArrayList<>();
        answers.forEach((service, answer) -> answer.forEach(item -> {
            Entry entry = entry(service, item);
            if (entry != null) {
                all.add(entry);
            }
        }));
        all.sort(NEWEST_FIRST);
        int from = Math.min(all.size(), (number - 1) * size);
        int to = Math.min(all.size(), from + size);
        return new Page(List.copyOf(all.subList(from, to)), number, size, all.size() > to);
    }

    /** An audit entry of a service ({@code at, actor, via, what, aggregateType, aggregateId, team, data}). */
    static Entry entry(String service, JsonNode item) {
        Instant at;
        try {
            at = Instant.parse(item.path("at").asText(""));
        } catch (DateTimeParseException e) {
            if (!item.path("at").isNumber()) {
                return null;
            }
            double seconds = item.path("at").asDouble();
            at = Instant.ofEpochSecond((long) Math.floor(seconds), Math.round((seconds - Math.floor(seconds)) * 1e9));
        }
        JsonNode data = item.path("data");
        String summary = data.path("summary").isTextual() ? data.path("summary").asText() : null;
        String aggregate = text(item, "aggregateType");
        if (aggregate != null && text(item, "aggregateId") != null) {
            aggregate = aggregate + " " + text(item, "aggregateId");
        }
        return new Entry(at, service, text(item, "actor"), text(item, "via"), text(item, "what"), text(item, "team"),
                aggregate, summary, data.isMissingNode() || data.isNull() ? null : data.toPrettyString());
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
