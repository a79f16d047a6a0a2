package io.commandpost.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of stable event type names. Wire names are never derived from Java class names, so a
 * class can be renamed or moved without breaking consumers or stored events.
 */
public final class EventTypes {

    public static final List<EventType> ALL = List.of(
            new EventType("alert.received", 1, "alert", Topics.ALERTS, AlertEvent.AlertReceived.class),
            new EventType("alert.acknowledged", 1, "alert", Topics.ALERTS, AlertEvent.AlertAcknowledged.class),
            new EventType("alert.resolved", 1, "alert", Topics.ALERTS, AlertEvent.AlertResolved.class),
            new EventType("alert.note-received", 1, "alert", Topics.ALERTS, AlertEvent.AlertNoteReceived.class),
            new EventType("alert.summary-changed", 1, "alert", Topics.ALERTS, AlertEvent.AlertSummaryChanged.class),
            new EventType("alert.acknowledged-by", 1, "alert", Topics.ALERTS, AlertEvent.AlertAcknowledgedBy.class),
            new EventType("alert.unacknowledged-by", 1, "alert", Topics.ALERTS,
                    AlertEvent.AlertUnacknowledgedBy.class),
            new EventType("alert.resolved-by", 1, "alert", Topics.ALERTS, AlertEvent.AlertResolvedBy.class),
            new EventType("alert.note-added", 1, "alert", Topics.ALERTS, AlertEvent.AlertNoteAdded.class),
            new EventType("alert.escalated-by", 1, "alert", Topics.ALERTS, AlertEvent.AlertEscalatedBy.class),
            new EventType("change.recorded", 1, "change", Topics.CHANGES, ChangeEvent.ChangeRecorded.class),
            new EventType("config.changed", 1, "config", Topics.CONFIG, ConfigEvent.ConfigurationChanged.class),
            new EventType("question.asked", 1, "question", Topics.QUESTIONS, QuestionEvent.QuestionAsked.class),
            new EventType("question.claimed", 1, "question", Topics.QUESTIONS, QuestionEvent.QuestionClaimed.class),
            new EventType("question.answered", 1, "question", Topics.QUESTIONS, QuestionEvent.QuestionAnswered.class),
            new EventType("question.closed", 1, "question", Topics.QUESTIONS, QuestionEvent.QuestionClosed.class),
            new EventType("question.snoozed", 1, "question", Topics.QUESTIONS, QuestionEvent.QuestionSnoozed.class),
            new EventType("question.turned-into-incident", 1, "question", Topics.QUESTIONS,
                    QuestionEvent.QuestionTurnedIntoIncident.class),
            new EventType("team.created", 1, "team", Topics.TEAMS, TeamEvent.TeamCreated.class),
            new EventType("team.member-added", 1, "team", Topics.TEAMS, TeamEvent.MemberAdded.class),
            new EventType("team.member-updated", 1, "team", Topics.TEAMS, TeamEvent.MemberUpdated.class),
            new EventType("team.mro-rotation-configured", 1, "team", Topics.TEAMS,
                    TeamEvent.MroRotationConfigured.class),
            new EventType("team.night-duty-configured", 1, "team", Topics.TEAMS, TeamEvent.NightDutyConfigured.class),
            new EventType("team.leave-recorded", 1, "team", Topics.TEAMS, TeamEvent.LeaveRecorded.class),
            new EventType("team.leave-cancelled", 1, "team", Topics.TEAMS, TeamEvent.LeaveCancelled.class),
            new EventType("team.override-recorded", 1, "team", Topics.TEAMS, TeamEvent.OverrideRecorded.class),
            new EventType("team.override-cancelled", 1, "team", Topics.TEAMS, TeamEvent.OverrideCancelled.class),
            new EventType("team.partner-team-set", 1, "team", Topics.TEAMS, TeamEvent.PartnerTeamSet.class),
            new EventType("team.pattern-adopted", 1, "team", Topics.TEAMS, TeamEvent.PatternAdopted.class),
            new EventType("team.pattern-dropped", 1, "team", Topics.TEAMS, TeamEvent.PatternDropped.class),
            new EventType("shift.started", 1, "shift", Topics.SHIFTS, ShiftEvent.ShiftStarted.class),
            new EventType("shift.handed-over", 1, "shift", Topics.SHIFTS, ShiftEvent.ShiftHandedOver.class),
            new EventType("shift.handover-accepted", 1, "shift", Topics.SHIFTS, ShiftEvent.ShiftHandoverAccepted.class),
            new EventType("shift.handover-overdue", 1, "shift", Topics.SHIFTS,
                    ShiftEvent.HandoverAcceptanceOverdue.class),
            new EventType("shift.rest-rule-applied", 1, "shift", Topics.SHIFTS, ShiftEvent.RestRuleApplied.class),
            new EventType("shift.turn-skipped-for-leave", 1, "shift", Topics.SHIFTS,
                    ShiftEvent.TurnSkippedForLeave.class),
            new EventType("incident.declared", 1, "incident", Topics.INCIDENTS, IncidentEvent.IncidentDeclared.class),
            new EventType("incident.commander-assigned", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.IncidentCommanderAssigned.class),
            new EventType("incident.task-delegated", 1, "incident", Topics.INCIDENTS, IncidentEvent.TaskDelegated.class),
            new EventType("incident.role-assigned", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.IncidentRoleAssigned.class),
            new EventType("incident.role-released", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.IncidentRoleReleased.class),
            new EventType("incident.task-reassigned", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.TaskReassigned.class),
            new EventType("incident.task-started", 1, "incident", Topics.INCIDENTS, IncidentEvent.TaskStarted.class),
            new EventType("incident.task-completed", 1, "incident", Topics.INCIDENTS, IncidentEvent.TaskCompleted.class),
            new EventType("incident.task-cancelled", 1, "incident", Topics.INCIDENTS, IncidentEvent.TaskCancelled.class),
            new EventType("incident.task-overdue", 1, "incident", Topics.INCIDENTS, IncidentEvent.TaskOverdue.class),
            new EventType("incident.status-update-posted", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.StatusUpdatePosted.class),
            new EventType("incident.status-update-due", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.StatusUpdateDue.class),
            new EventType("incident.acknowledged", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.IncidentAcknowledged.class),
            new EventType("incident.severity-changed", 1, "incident", Topics.INCIDENTS,
                    IncidentEvent.IncidentSeverityChanged.class),
            new EventType("incident.mitigated", 1, "incident", Topics.INCIDENTS, IncidentEvent.IncidentMitigated.class),
            new EventType("incident.resolved", 1, "incident", Topics.INCIDENTS, IncidentEvent.IncidentResolved.class),
            new EventType("paging.escalation-started", 1, "paging", Topics.NOTIFICATIONS,
                    PagingEvent.EscalationStarted.class),
            new EventType("paging.step-paged", 1, "paging", Topics.NOTIFICATIONS, PagingEvent.EscalationStepPaged.class),
            new EventType("paging.acknowledged", 1, "paging", Topics.NOTIFICATIONS,
                    PagingEvent.EscalationAcknowledged.class),
            new EventType("paging.unacknowledged", 1, "paging", Topics.NOTIFICATIONS,
                    PagingEvent.EscalationUnacknowledged.class),
            new EventType("paging.exhausted", 1, "paging", Topics.NOTIFICATIONS, PagingEvent.EscalationExhausted.class),
            new EventType("paging.stopped", 1, "paging", Topics.NOTIFICATIONS, PagingEvent.EscalationStopped.class),
            new EventType("flood.page-sent", 1, "flood", Topics.NOTIFICATIONS, FloodEvent.FloodPageSent.class),
            new EventType("flood.alert-joined", 1, "flood", Topics.NOTIFICATIONS, FloodEvent.FloodAlertJoined.class),
            new EventType("flood.alert-held", 1, "flood", Topics.NOTIFICATIONS, FloodEvent.FloodAlertHeld.class),
            new EventType("flood.follow-up-sent", 1, "flood", Topics.NOTIFICATIONS,
                    FloodEvent.FloodFollowUpSent.class),
            new EventType("notification.sent", 1, "notification", Topics.NOTIFICATIONS,
                    NotificationEvent.NotificationSent.class),
            new EventType("notification.failed", 1, "notification", Topics.NOTIFICATIONS,
                    NotificationEvent.NotificationFailed.class));

    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

    static {
        for (EventType type : ALL) {
            if (BY_NAME.put(type.name(), type) != null || BY_CLASS.put(type.javaType(), type) != null) {
                throw new IllegalStateException("duplicate event type " + type);
            }
        }
    }

    private EventTypes() {
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(DomainEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<? extends DomainEvent> javaType) {
        EventType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("no registered event type for " + javaType.getName());
        }
        return type;
    }
}
