package io.commandpost.events;

/** The stable wire identity of one event class. */
public record EventType(String name, int schemaVersion, String aggregateType, String topic,
                        Class<? extends DomainEvent> javaType) {
}
