package io.commandpost.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One instance of every event type, with fixed ids and instants, for the approval tests. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-03-29T07:00:00Z");
    static final UUID ID_1 = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID ID_2 = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID ID_3 = UUID.fromString("00000000-0000-4000-8000-000000000003");

    private SampleEvents() {
    }

    static List<DomainEvent> all() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("description", "p99 above 2s for 10m");
        details.put("value", 2.4);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HighLatency");
        labels.put("severity", "critical");
        TeamEvent.Member alice = new TeamEvent.Member("alice", "Alice Martin", "alice@example.com", "U01", "Europe/Paris",
                List.of("postgres", "kubernetes"));
        return List.of(
                new AlertEvent.AlertReceived("payments", "prod-prometheus", "alertmanager", "3f1c2a9b8d7e6f50",
                        Priority.P1, "High latency on checkout", details, labels,
                        List.of(new Link("https://grafana.example.com/d/abc", "dashboard")), T0.minusSeconds(120), T0),
                new AlertEvent.AlertResolved("payments", "prod-prometheus", "alertmanager", "3f1c2a9b8d7e6f50",
                        T0.plusSeconds(600), T0.plusSeconds(605)),
                new AlertEvent.AlertAcknowledged("payments", "prod-pagerduty", "pagerduty", "srv01/HTTP",
                        T0.plusSeconds(300)),
                new AlertEvent.AlertNoteReceived("payments", "ops-scripts", "opsgenie", "disk-full-db1",
                        "Rotated the logs, watching it", "alice", T0.plusSeconds(400)),
                new AlertEvent.AlertSummaryChanged("payments", "ops-scripts", "opsgenie", "disk-full-db1",
                        "Disk 97% full on db1", "Growing 1%/h since 06:00", null, T0.plusSeconds(450)),
                new AlertEvent.AlertAcknowledgedBy("payments", "3f1c2a9b8d7e6f50", "alice", "api", T0.plusSeconds(60)),
                new AlertEvent.AlertUnacknowledgedBy("payments", "3f1c2a9b8d7e6f50", "alice", "api",
                        T0.plusSeconds(90)),
                new AlertEvent.AlertResolvedBy("payments", "3f1c2a9b8d7e6f50", "bob", "slack", T0.plusSeconds(500)),
                new AlertEvent.AlertNoteAdded("payments", "3f1c2a9b8d7e6f50", ID_3, "alice", "api",
                        "Rolled back build 42", T0.plusSeconds(120)),
                new AlertEvent.AlertEscalatedBy("payments", "3f1c2a9b8d7e6f50", "alice", "console", T0.plusSeconds(150)),
                new PagingEvent.EscalationStarted("payments", "3f1c2a9b8d7e6f50", 1, T0,
                        "{}:{alertname=\"PaymentsDown\"}/00000000-0000-4000-8000-000000000002"),
                new PagingEvent.EscalationStepPaged("payments", "3f1c2a9b8d7e6f50", 1, 1, 0,
                        List.of("partner-on-duty", "team-channel"), "not acknowledged", T0.plusSeconds(600),
                        "{}:{alertname=\"PaymentsDown\"}/00000000-0000-4000-8000-000000000002/page-2"),
                new PagingEvent.EscalationAcknowledged("payments", "3f1c2a9b8d7e6f50", 1, "alice", T0.plusSeconds(660)),
                new PagingEvent.EscalationUnacknowledged("payments", "3f1c2a9b8d7e6f50", 1, null,
                        T0.plusSeconds(2_460)),
                new PagingEvent.EscalationExhausted("payments", "3f1c2a9b8d7e6f50", 1, T0.plusSeconds(3_600)),
                new PagingEvent.EscalationStopped("payments", "3f1c2a9b8d7e6f50", 1, "tool:prod-prometheus",
                        T0.plusSeconds(4_000)),
                new FloodEvent.FloodPageSent("payments", "alice", "webhook", ID_1, "3f1c2a9b8d7e6f50",
                        "{}:{alertname=\"HighLatency\"}/" + ID_2, T0),
                new FloodEvent.FloodAlertJoined("payments", "alice", "webhook", ID_1, "9a8b7c6d5e4f3a2b",
                        T0.plusSeconds(1)),
                new FloodEvent.FloodAlertHeld("payments", "alice", "webhook", "disk-full-db-1", "Disk 91% full on db-1",
                        null, T0.plusSeconds(20)),
                new FloodEvent.FloodFollowUpSent("payments", "alice", "webhook", ID_3, List.of("disk-full-db-1"),
                        "1 alert while you were paged: Disk 91% full on db-1", T0.plusSeconds(60)),
                new ChangeEvent.ChangeRecorded(ID_2, "payments", "prod-pagerduty", "ci.example.com",
                        "Build 42 deployed", Map.of("build", "42"), List.of(new Link("https://ci.example.com/42",
                        "build")), T0.minusSeconds(30), T0),
                new ConfigEvent.ConfigurationChanged(ID_3, "payments", "paging-policy", "payments", "updated",
                        "2 steps (on-duty; after 10 min every-member), repeat 1, ack timeout 30 min, flood window 60 s",
                        "alice", T0),
                new QuestionEvent.QuestionAsked(ID_1, "payments", "slack", "U02", "Who owns the refund job?",
                        "C123/1531420618.000200", T0),
                new TeamEvent.TeamCreated("payments", "Payments", "Europe/Paris", List.of(alice), List.of("alice"),
                        "09:00", T0),
                new ShiftEvent.ShiftStarted("payments", ID_2, ShiftKind.MRO_DAY, "alice", T0, T0.plusSeconds(86_400),
                        ID_1, ID_3, false, T0, "bob", "bob: owed 1 day (rested after night duty on 29 Mar)"),
                new ShiftEvent.ShiftHandedOver("payments", ID_2, ID_3, "alice", "payments-apac", "bob",
                        "DB failover rehearsal at 14:00", List.of("alert:3f1c2a9b8d7e6f50", "question:" + ID_1),
                        T0.plusSeconds(34_200), T0.plusSeconds(32_400)),
                new ShiftEvent.ShiftHandoverAccepted("payments", ID_3, "bob", T0.plusSeconds(33_000)),
                new ShiftEvent.HandoverAcceptanceOverdue("payments", ID_3, "payments-apac", "bob",
                        T0.plusSeconds(34_200), T0.plusSeconds(34_260)),
                new ShiftEvent.RestRuleApplied("payments", java.time.LocalDate.parse("2026-03-30"), "alice", "bob",
                        "REST_AFTER_NIGHT_PAGE", ID_1, T0.plusSeconds(3_600)),
                new ShiftEvent.TurnSkippedForLeave("payments", java.time.LocalDate.parse("2026-03-30"), "carol", "bob",
                        T0.plusSeconds(60)),
                new TeamEvent.MemberAdded("payments", alice, T0),
                new TeamEvent.MemberUpdated("payments", alice, T0.plusSeconds(60)),
                new TeamEvent.MroRotationConfigured("payments", List.of("alice", "bob"), "09:00", "WEEKDAYS", "09:00",
                        "18:00", T0, T0),
                new TeamEvent.NightDutyConfigured("payments", List.of("carol", "dave"), "WEEKLY", T0, T0),
                new TeamEvent.LeaveRecorded("payments", ID_1, "alice", T0, T0.plusSeconds(86_400 * 5), "holiday", T0),
                new TeamEvent.LeaveCancelled("payments", ID_1, T0.plusSeconds(60)),
                new TeamEvent.OverrideRecorded("payments", ID_2, ShiftKind.MRO_DAY, "bob", "alice", T0,
                        T0.plusSeconds(3_600), "alice", T0),
                new TeamEvent.OverrideCancelled("payments", ID_2, T0.plusSeconds(60)),
                new TeamEvent.PartnerTeamSet("payments", "payments-apac", T0),
                new TeamEvent.PatternAdopted("payments", java.time.LocalDate.parse("2026-03-30"),
                        java.util.Arrays.asList("alice", "bob", null), T0),
                new TeamEvent.PatternDropped("payments", "the MRO rotation changed", T0.plusSeconds(86_400),
                        T0.plusSeconds(60)),
                new IncidentEvent.IncidentDeclared(ID_3, "payments", "Checkout errors", Priority.P1, "alice", T0,
                        Severity.SEV1, List.of("3f1c2a9b8d7e6f50", "srv01/HTTP"), ID_1, T0.minusSeconds(120)),
                new IncidentEvent.IncidentCommanderAssigned(ID_3, "bob", "alice", T0.plusSeconds(60)),
                new IncidentEvent.TaskDelegated(ID_3, ID_1, "carol", "bob", "Roll back release 42",
                        T0.plusSeconds(1_800), T0.plusSeconds(120)),
                new IncidentEvent.IncidentRoleAssigned(ID_3, IncidentEvent.Role.COMMUNICATIONS_LEAD, "dave", "bob",
                        T0.plusSeconds(90)),
                new IncidentEvent.IncidentRoleReleased(ID_3, IncidentEvent.Role.EXPERT, "erin", "bob",
                        T0.plusSeconds(900)),
                new IncidentEvent.TaskReassigned(ID_3, ID_1, "erin", "bob", T0.plusSeconds(300)),
                new IncidentEvent.TaskStarted(ID_3, ID_1, "erin", T0.plusSeconds(360)),
                new IncidentEvent.TaskCompleted(ID_3, ID_1, "erin", T0.plusSeconds(1_200)),
                new IncidentEvent.TaskCancelled(ID_3, ID_2, "bob", "not needed after the rollback",
                        T0.plusSeconds(1_300)),
                new IncidentEvent.TaskOverdue(ID_3, ID_1, "erin", T0.plusSeconds(1_800), 2, T0.plusSeconds(2_400)),
                new IncidentEvent.StatusUpdatePosted(ID_3, IncidentEvent.Audience.EXTERNAL,
                        "Checkout is failing for some customers; we are rolling back.", "dave", T0.plusSeconds(600),
                        T0.plusSeconds(2_400)),
                new IncidentEvent.StatusUpdateDue(ID_3, "bob", "dave", T0.plusSeconds(2_400), T0.plusSeconds(2_401)),
                new IncidentEvent.IncidentAcknowledged(ID_3, "payments", "bob", T0.plusSeconds(30)),
                new IncidentEvent.IncidentSeverityChanged(ID_3, "payments", Severity.SEV2, Severity.SEV1, "bob",
                        "all regions affected", T0.plusSeconds(240)),
                new IncidentEvent.IncidentMitigated(ID_3, "payments", "bob", "release 42 rolled back",
                        T0.plusSeconds(1_500)),
                new IncidentEvent.IncidentResolved(ID_3, "payments", "bob", "bad release; rolled back",
                        T0.plusSeconds(3_600)),
                new QuestionEvent.QuestionClaimed(ID_1, "payments", "alice", T0.plusSeconds(60)),
                new QuestionEvent.QuestionAnswered(ID_1, "payments", "slack", "C123/1531420618.000200",
                        "The billing team owns it.", "alice", T0.plusSeconds(120)),
                new QuestionEvent.QuestionClosed(ID_1, "payments", "duplicate of an earlier question", "alice",
                        T0.plusSeconds(120)),
                new QuestionEvent.QuestionSnoozed(ID_1, "payments", T0.plusSeconds(7_200), "waiting for the vendor",
                        "alice", T0.plusSeconds(120)),
                new QuestionEvent.QuestionTurnedIntoIncident(ID_1, "payments", ID_3, "alice", T0.plusSeconds(120)),
                new NotificationEvent.NotificationSent(ID_1, "payments", "alice", "webhook", "alert",
                        "3f1c2a9b8d7e6f50", ID_2, 1, T0.plusSeconds(2)),
                new NotificationEvent.NotificationFailed(ID_2, "payments", "alice", "webhook", "alert",
                        "3f1c2a9b8d7e6f50", ID_3, 5, "HTTP 500 from receiver", T0.plusSeconds(300)));
    }

    static EventEnvelope envelope(DomainEvent event, long version) {
        return EventEnvelope.wrap(event, version, T0, ID_1, ID_2, ID_3, "approval-test");
    }
}
