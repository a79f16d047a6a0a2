package io.commandpost.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What travels on a topic and sits in an event store: metadata plus the event as JSON.
 * {@code data} stays JSON so that a consumer can pass on types it does not know.
 *
 * <p>A value with the accessors, equality and JSON of a record. Read by {@link EventJson#fromBytes}, an envelope of a
 * known type holds its event as parsed straight from the bytes ({@link #event()} parses nothing more) and builds
 * {@link #data()} from the same bytes only if asked; one made by {@link #wrap} holds the event it wraps.
 *
 * <p>Fields: {@code aggregateVersion} is the version of the aggregate after this event (0 for events of aggregates
 * that are not event-sourced: alerts, questions); {@code causationId} the event id that caused this one, null for a
 * command from outside; {@code actor} who made the request that led to this event, as authenticated (a person's
 * handle or a service API key's name), absent for events the system produced on its own; {@code via} the service
 * API key through which {@code actor} acted (a Slack button), else absent.
 */
@JsonPropertyOrder({"eventId", "eventType", "schemaVersion", "aggregateType", "aggregateId", "aggregateVersion",
        "occurredAt", "correlationId", "causationId", "producer", "data", "actor", "via"})
public final class EventEnvelope {

    private final UUID eventId;
    private final String eventType;
    private final int schemaVersion;
    private final String aggregateType;
    private final String aggregateId;
    private final long aggregateVersion;
    private final Instant occurredAt;
    private final UUID correlationId;
    private final UUID causationId;
    private final String producer;
    private final String actor;
    private final String via;
    /** The data as a tree; null while only its JSON ({@link #source}) is held. */
    private volatile JsonNode data;
    /** The JSON the data was read from, from {@code dataStart} to {@code dataEnd}; null when built from a tree. */
    private final byte[] source;
    private final int dataStart;
    private final int dataEnd;
    /** The typed event, once known (wrapped, read straight from the bytes, or from the tree on first use). */
    private volatile DomainEvent event;

    @JsonCreator
    public EventEnvelope(@JsonProperty("eventId") UUID eventId,
                         @JsonProperty("eventType") String eventType,
                         @JsonProperty("schemaVersion") int schemaVersion,
                         @JsonProperty("aggregateType") String aggregateType,
                         @JsonProperty("aggregateId") String aggregateId,
                         @JsonProperty("aggregateVersion") long aggregateVersion,
                         @JsonProperty("occurredAt") Instant occurredAt,
                         @JsonProperty("correlationId") UUID correlationId,
                         @JsonProperty("causationId") UUID causationId,
                         @JsonProperty("producer") String producer,
                         @JsonProperty("data") JsonNode data,
                         @JsonProperty("actor") String actor,
                         @JsonProperty("via") String via) {
        this(eventId, eventType, schemaVersion, aggregateType, aggregateId, aggregateVersion, occurredAt,
                correlationId, causationId, producer, actor, via, data, null, 0, 0, null);
    }

    /** An envelope with no actor: written by the system, not on a person's request. */
    public EventEnvelope(UUID eventId, String eventType, int schemaVersion, String aggregateType, String aggregateId,
                         long aggregateVersion, Instant occurredAt, UUID correlationId, UUID causationId,
                         String producer, JsonNode data) {
        this(eventId, eventType, schemaVersion, aggregateType, aggregateId, aggregateVersion, occurredAt,
                correlationId, causationId, producer, data, null, null);
    }

    private EventEnvelope(UUID eventId, String eventType, int schemaVersion, String aggregateType,
                          String aggregateId, long aggregateVersion, Instant occurredAt, UUID correlationId,
                          UUID causationId, String producer, String actor, String via, JsonNode data,
                          byte[] source, int dataStart, int dataEnd, DomainEvent event) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.aggregateVersion = aggregateVersion;
        this.occurredAt = occurredAt;
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.producer = producer;
        this.actor = actor;
        this.via = via;
        this.data = data;
        this.source = source;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
        this.event = event;
    }

    /** An envelope read from bytes whose data ({@code source[dataStart, dataEnd)}) was parsed as {@code event}. */
    static EventEnvelope read(UUID eventId, String eventType, int schemaVersion, String aggregateType,
                              String aggregateId, long aggregateVersion, Instant occurredAt, UUID correlationId,
                              UUID causationId, String producer, String actor, String via, byte[] source,
                              int dataStart, int dataEnd, DomainEvent event) {
        return new EventEnvelope(eventId, eventType, schemaVersion, aggregateType, aggregateId, aggregateVersion,
                occurredAt, correlationId, causationId, producer, actor, via, null, source, dataStart, dataEnd,
                event);
    }

    /** Wraps an event; the caller supplies ids and time (nothing here reads a clock). */
    public static EventEnvelope wrap(DomainEvent event, long aggregateVersion, Instant occurredAt, UUID eventId,
                                     UUID correlationId, UUID causationId, String producer) {
        return wrap(event, aggregateVersion, occurredAt, eventId, correlationId, causationId, producer, null, null);
    }

    /** Wraps an event done on the request of {@code actor} (via a service key, or null). */
    public static EventEnvelope wrap(DomainEvent event, long aggregateVersion, Instant occurredAt, UUID eventId,
                                     UUID correlationId, UUID causationId, String producer, String actor,
                                     String via) {
        EventType type = EventTypes.of(event);
        return new EventEnvelope(eventId, type.name(), type.schemaVersion(), type.aggregateType(),
                event.aggregateId(), aggregateVersion, occurredAt, correlationId, causationId, producer, actor, via,
                EventJson.mapper().valueToTree(event), null, 0, 0, event);
    }

    @JsonProperty("eventId")
    public UUID eventId() {
        return eventId;
    }

    @JsonProperty("eventType")
    public String eventType() {
        return eventType;
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return schemaVersion;
    }

    @JsonProperty("aggregateType")
    public String aggregateType() {
        return aggregateType;
    }

    @JsonProperty("aggregateId")
    public String aggregateId() {
        return aggregateId;
    }

    @JsonProperty("aggregateVersion")
    public long aggregateVersion() {
        return aggregateVersion;
    }

    @JsonProperty("occurredAt")
    public Instant occurredAt() {
        return occurredAt;
    }

    @JsonProperty("correlationId")
    public UUID correlationId() {
        return correlationId;
    }

    @JsonProperty("causationId")
    public UUID causationId() {
        return causationId;
    }

    @JsonProperty("producer")
    public String producer() {
        return producer;
    }

    /** The event as JSON (built from the bytes it was read from on first use). */
    @JsonProperty("data")
    public JsonNode data() {
        JsonNode tree = data;
        if (tree == null && source != null) {
            tree = EventJson.readTree(source, dataStart, dataEnd - dataStart);
            data = tree;
        }
        return tree;
    }

    /** Whether this envelope was read in one pass (its event parsed from the bytes, its tree not built yet or since). */
    boolean readOnce() {
        return source != null;
    }

    @JsonProperty("actor")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String actor() {
        return actor;
    }

    @JsonProperty("via")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String via() {
        return via;
    }

    /** The topic this envelope belongs on. */
    public String topic() {
        return EventTypes.byName(eventType).map(EventType::topic)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + eventType));
    }

    /** The typed event, or empty when this consumer's contract does not know the type. */
    public Optional<DomainEvent> event() {
        DomainEvent known = event;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DomainEvent> parsed = EventTypes.byName(eventType)
                .map(type -> EventJson.treeToValue(data(), type.javaType()));
        parsed.ifPresent(value -> event = value);
        return parsed;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof EventEnvelope that
                && schemaVersion == that.schemaVersion
                && aggregateVersion == that.aggregateVersion
                && Objects.equals(eventId, that.eventId)
                && Objects.equals(eventType, that.eventType)
                && Objects.equals(aggregateType, that.aggregateType)
                && Objects.equals(aggregateId, that.aggregateId)
                && Objects.equals(occurredAt, that.occurredAt)
                && Objects.equals(correlationId, that.correlationId)
                && Objects.equals(causationId, that.causationId)
                && Objects.equals(producer, that.producer)
                && Objects.equals(data(), that.data())
                && Objects.equals(actor, that.actor)
                && Objects.equals(via, that.via);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventType, schemaVersion, aggregateType, aggregateId, aggregateVersion,
                occurredAt, correlationId, causationId, producer, data(), actor, via);
    }

    @Override
    public String toString() {
        return "EventEnvelope[eventId=" + eventId + ", eventType=" + eventType + ", schemaVersion=" + schemaVersion
                + ", aggregateType=" + aggregateType + ", aggregateId=" + aggregateId + ", aggregateVersion="
                + aggregateVersion + ", occurredAt=" + occurredAt + ", correlationId=" + correlationId
                + ", causationId=" + causationId + ", producer=" + producer + ", data=" + data() + ", actor=" + actor
                + ", via=" + via + "]";
    }
}
