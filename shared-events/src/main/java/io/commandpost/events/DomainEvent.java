package io.commandpost.events;

/**
 * A fact that happened in the CommandPost domain. One sealed sub-interface per aggregate type;
 * each event names the aggregate it belongs to, which is also its Kafka record key.
 */
public sealed interface DomainEvent
        permits AlertEvent, ChangeEvent, ConfigEvent, QuestionEvent, TeamEvent, ShiftEvent, IncidentEvent, NotificationEvent,
        PagingEvent, FloodEvent {

    String aggregateId();
}
