package io.commandpost.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.IncidentEvent;
import io.commandpost.events.IncidentEvent.Audience;
import io.commandpost.events.IncidentEvent.Role;
import io.commandpost.events.Severity;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.platform.domain.InvalidCommandException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The incident's rules, given events, when a command, then events or a refusal. No Quarkus, fixed clock. */
class IncidentDeciderTest {

    static final Instant T0 = Instant.parse("2026-03-29T07:00:00Z");
    static final UUID INCIDENT = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID TASK = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID TASK_2 = UUID.fromString("00000000-0000-4000-8000-00000000000c");

    final IncidentDecider decider = new IncidentDecider(IncidentPolicy.defaults());
    final List<IncidentEvent> history = new ArrayList<>();

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    Incident state() {
        Incident state = decider.initial();
        for (IncidentEvent event : history) {
            state = decider.evolve(state, event);
        }
        return state;
    }

    List<IncidentEvent> when(IncidentCommand command, int minute) {
        List<IncidentEvent> events = decider.decide(command, state(), at(minute));
        history.addAll(events);
        return events;
    }

    void givenDeclaredByAlice(Severity severity) {
        when(new IncidentCommand.Declare(INCIDENT, "payments", "Checkout errors", severity, List.of("a1", "a2"), null,
                at(-10), "alice"), 0);
    }

    void givenCommanderAliceDelegatedToBob() {
        givenDeclaredByAlice(Severity.SEV1);
        when(new IncidentCommand.DelegateTask(TASK, "Roll back release 42", "bob", null, "alice"), 1);
    }

    @Test
    void declaringMakesTheDeclarerTheCommanderAndLinksTheAlerts() {
        List<IncidentEvent> events = decider.decide(new IncidentCommand.Declare(INCIDENT, "payments", "Checkout errors",
                null, List.of("a1", "a2", "a1"), null, at(-10), "alice"), decider.initial(), T0);

        assertThat(events).containsExactly(
                new IncidentEvent.IncidentDeclared(INCIDENT, "payments", "Checkout errors",
                        io.commandpost.events.Priority.P3, "alice", T0, Severity.SEV3, List.of("a1", "a2"), null,
                        at(-10)),
                new IncidentEvent.IncidentCommanderAssigned(INCIDENT, "alice", "alice", T0));
        history.addAll(events);
        assertThat(state().commander()).isEqualTo("alice");
        assertThat(state().alertKeys()).containsExactly("a1", "a2");
        assertThat(state().severity()).isEqualTo(Severity.SEV3); // the installation's default
    }

    @Test
    void declaringTwiceIsRejected() {
        givenDeclaredByAlice(Severity.SEV2);
        assertThatThrownBy(() -> when(new IncidentCommand.Declare(INCIDENT, "payments", "again", null, List.of(), null,
                null, "bob"), 1)).isInstanceOf(RuleViolationException.class).hasMessageContaining("already declared");
    }

    @Test
    void declaringWithoutATitleIsInvalid() {
        assertThatThrownBy(() -> decider.decide(new IncidentCommand.Declare(INCIDENT, "payments", " ", null, null, null,
                null, "alice"), decider.initial(), T0)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void givenCommanderAlice_whenDelegatingTaskToAlice_thenRejectedSayingToHandOffFirst() {
        givenDeclaredByAlice(Severity.SEV1);

        assertThatThrownBy(() -> when(new IncidentCommand.DelegateTask(TASK, "Restart the pods", "alice", null,
                "alice"), 1))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("alice is the Incident Commander")
                .hasMessageContaining("never remediates")
                .hasMessageContaining("hand off command first");
        assertThat(((RuleViolationException) catchRule(() -> when(new IncidentCommand.DelegateTask(TASK, "x", "alice",
                null, "alice"), 1))).field()).isEqualTo("assignee");
    }

    @Test
    void givenCommanderAlice_whenReassigningATaskToAlice_thenRejected() {
        givenCommanderAliceDelegatedToBob();

        assertThatThrownBy(() -> when(new IncidentCommand.ReassignTask(TASK, "alice", "alice"), 2))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("hand off command first");
    }

    @Test
    void givenBobHoldsAnOpenTask_whenBobTakesCommand_thenRejectedUntilTheTaskIsReassigned() {
        givenCommanderAliceDelegatedToBob();

        assertThatThrownBy(() -> when(new IncidentCommand.HandOffCommand("bob", "alice"), 2))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("'Roll back release 42'")
                .hasMessageContaining("reassign them first");

        when(new IncidentCommand.ReassignTask(TASK, "carol", "alice"), 3);
        assertThat(when(new IncidentCommand.HandOffCommand("bob", "alice"), 4))
                .containsExactly(new IncidentEvent.IncidentCommanderAssigned(INCIDENT, "bob", "alice", at(4)));
    }

    @Test
    void givenBobsTaskIsDone_whenBobTakesCommand_thenHeIsCommander() {
        givenCommanderAliceDelegatedToBob();
        when(new IncidentCommand.CompleteTask(TASK, "bob"), 5);

        when(new IncidentCommand.HandOffCommand("bob", "alice"), 6);

        assertThat(state().commander()).isEqualTo("bob");
    }

    @Test
    void handingOffCommandRecordsEveryTermOfTheCommander() {
        givenDeclaredByAlice(Severity.SEV2);
        when(new IncidentCommand.HandOffCommand("bob", "alice"), 10);

        assertThat(state().roles()).containsExactly(
                new Incident.RoleTerm(Incident.COMMANDER, "alice", "alice", at(0), at(10)),
                new Incident.RoleTerm(Incident.COMMANDER, "bob", "alice", at(10), null));
        assertThat(state().current(Incident.COMMANDER)).hasSize(1); // always exactly one
    }

    @Test
    void onlyTheCommanderDelegates() {
        givenDeclaredByAlice(Severity.SEV2);
        assertThatThrownBy(() -> when(new IncidentCommand.DelegateTask(TASK, "x", "carol", null, "bob"), 1))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("only the Incident Commander");
    }

    @Test
    void aTaskIsDueInAnHourForSev1AndSev2AndInADayOtherwise() {
        givenDeclaredByAlice(Severity.SEV2);
        TaskDue sev2 = due(when(new IncidentCommand.DelegateTask(TASK, "x", "bob", null, "alice"), 1));
        when(new IncidentCommand.ChangeSeverity(Severity.SEV3, "contained", "alice"), 2);
        TaskDue sev3 = due(when(new IncidentCommand.DelegateTask(TASK_2, "y", "bob", null, "alice"), 3));

        assertThat(sev2.dueAt()).isEqualTo(at(61));
        assertThat(sev3.dueAt()).isEqualTo(at(3).plus(Duration.ofDays(1)));
    }

    @Test
    void anExplicitDueTimeWins() {
        givenDeclaredByAlice(Severity.SEV1);
        assertThat(due(when(new IncidentCommand.DelegateTask(TASK, "x", "bob", at(15), "alice"), 1)).dueAt())
                .isEqualTo(at(15));
    }

    @Test
    void aDoneTaskShowsWhoAndWhen() {
        givenCommanderAliceDelegatedToBob();
        when(new IncidentCommand.StartTask(TASK, "bob"), 2);
        assertThat(state().task(TASK).orElseThrow().status()).isEqualTo(Incident.TaskStatus.IN_PROGRESS);
        when(new IncidentCommand.CompleteTask(TASK, "bob"), 9);

        Incident.Task task = state().task(TASK).orElseThrow();
        assertThat(task.status()).isEqualTo(Incident.TaskStatus.DONE);
        assertThat(task.closedBy()).isEqualTo("bob");
        assertThat(task.closedAt()).isEqualTo(at(9));
        assertThatThrownBy(() -> when(new IncidentCommand.CancelTask(TASK, "late", "alice"), 10))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void cancellingATaskNeedsAReason() {
        givenCommanderAliceDelegatedToBob();
        assertThatThrownBy(() -> when(new IncidentCommand.CancelTask(TASK, "", "alice"), 2))
                .isInstanceOf(InvalidCommandException.class);
        when(new IncidentCommand.CancelTask(TASK, "rollback made it moot", "alice"), 3);
        assertThat(state().task(TASK).orElseThrow().cancelReason()).isEqualTo("rollback made it moot");
    }

    @Test
    void anOverdueTaskIsRemindedAtItsDueTimeAndAgainAtTheInterval() {
        givenCommanderAliceDelegatedToBob(); // SEV1: due at minute 61, reminders every 30 min

        assertThat(decider.wakeAt(state())).contains(at(30)); // the first status update comes first
        assertThat(overdue(tick(60))).isEmpty();
        assertThat(overdue(tick(61))).containsExactly(
                new IncidentEvent.TaskOverdue(INCIDENT, TASK, "bob", at(61), 1, at(61)));
        assertThat(overdue(tick(61))).isEmpty(); // exactly once per due time
        assertThat(overdue(tick(90))).isEmpty();
        assertThat(overdue(tick(91))).extracting(IncidentEvent.TaskOverdue::reminder).containsExactly(2);
        when(new IncidentCommand.CompleteTask(TASK, "bob"), 95);
        assertThat(overdue(tick(200))).isEmpty();
    }

    @Test
    void afterDowntimeOneReminderIsRaisedNotABurst() {
        givenCommanderAliceDelegatedToBob();
        assertThat(overdue(tick(61 + 30 * 3 + 5))).extracting(IncidentEvent.TaskOverdue::reminder).containsExactly(4);
        assertThat(overdue(tick(61 + 30 * 3 + 6))).isEmpty();
    }

    @Test
    void aStatusUpdateIsDueOneCadenceAfterTheLastAndRemindedOnce() {
        givenDeclaredByAlice(Severity.SEV1); // every 30 min
        when(new IncidentCommand.AssignRole(Role.COMMUNICATIONS_LEAD, "dave", "alice"), 1);

        assertThat(decider.wakeAt(state())).contains(at(30));
        assertThat(tick(29)).isEmpty();
        assertThat(tick(30)).containsExactly(new IncidentEvent.StatusUpdateDue(INCIDENT, "alice", "dave", at(30),
                at(30)));
        assertThat(tick(31)).isEmpty();
        assertThat(decider.wakeAt(state())).contains(at(60)); // unanswered: reminded again a cadence later

        when(new IncidentCommand.PostStatusUpdate(Audience.EXTERNAL, "Rolling back", "dave"), 40);
        assertThat(decider.wakeAt(state())).contains(at(70));
    }

    @Test
    void theCadenceFollowsTheSeverity() {
        givenDeclaredByAlice(Severity.SEV3); // every 4 h
        assertThat(decider.wakeAt(state())).contains(at(240));
        when(new IncidentCommand.ChangeSeverity(Severity.SEV1, "all regions", "alice"), 5);
        assertThat(decider.wakeAt(state())).contains(at(30));
    }

    @Test
    void onlyTheCommanderOrTheCommunicationsLeadPostsUpdates() {
        givenDeclaredByAlice(Severity.SEV2);
        assertThatThrownBy(() -> when(new IncidentCommand.PostStatusUpdate(Audience.INTERNAL, "hi", "bob"), 1))
                .isInstanceOf(RuleViolationException.class);
        List<IncidentEvent> posted = when(new IncidentCommand.PostStatusUpdate(Audience.INTERNAL, "Looking", "alice"),
                2);
        assertThat(posted).containsExactly(new IncidentEvent.StatusUpdatePosted(INCIDENT, Audience.INTERNAL,
                "Looking", "alice", at(2), at(62)));
    }

    @Test
    void rolesKeepTheirHistoryAndALeadIsReplaced() {
        givenDeclaredByAlice(Severity.SEV2);
        when(new IncidentCommand.AssignRole(Role.COMMUNICATIONS_LEAD, "dave", "alice"), 1);
        when(new IncidentCommand.AssignRole(Role.EXPERT, "erin", List.of("payments"), "alice"), 2);
        when(new IncidentCommand.AssignRole(Role.EXPERT, "frank", List.of("dba"), "alice"), 2);
        when(new IncidentCommand.AssignRole(Role.COMMUNICATIONS_LEAD, "gina", "alice"), 5);
        when(new IncidentCommand.ReleaseRole(Role.EXPERT, "erin", "alice"), 6);

        assertThat(state().roles()).contains(
                new Incident.RoleTerm("COMMUNICATIONS_LEAD", "dave", "alice", at(1), at(5)),
                new Incident.RoleTerm("COMMUNICATIONS_LEAD", "gina", "alice", at(5), null),
                new Incident.RoleTerm("EXPERT", "erin", "alice", at(2), at(6)),
                new Incident.RoleTerm("EXPERT", "frank", "alice", at(2), null));
        assertThatThrownBy(() -> when(new IncidentCommand.ReleaseRole(Role.SCRIBE, "zoe", "alice"), 7))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void anExpertMustBeAMemberOfATeamInTheDirectory() {
        givenDeclaredByAlice(Severity.SEV2);
        assertThatThrownBy(() -> when(new IncidentCommand.AssignRole(Role.EXPERT, "mallory", List.of(), "alice"), 1))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("mallory is not a member of any team in the team directory");
        assertThat(when(new IncidentCommand.AssignRole(Role.EXPERT, "erin", List.of("dba"), "alice"), 2))
                .containsExactly(new IncidentEvent.IncidentRoleAssigned(INCIDENT, Role.EXPERT, "erin", "alice", at(2)));
        // the other roles are not looked up in the directory
        assertThat(when(new IncidentCommand.AssignRole(Role.SCRIBE, "sam", "alice"), 3)).hasSize(1);
    }

    @Test
    void milestonesCarryTheirTimesAndResolvingEndsEveryTermAndEveryReminder() {
        givenCommanderAliceDelegatedToBob();
        when(new IncidentCommand.Acknowledge("alice"), 2);
        when(new IncidentCommand.Mitigate("rolled back", "alice"), 20);
        when(new IncidentCommand.Resolve("bad release", "alice"), 50);

        Incident incident = state();
        assertThat(incident.acknowledgedAt()).isEqualTo(at(2));
        assertThat(incident.mitigatedAt()).isEqualTo(at(20));
        assertThat(incident.resolvedAt()).isEqualTo(at(50));
        assertThat(incident.roles()).allMatch(term -> !term.current());
        assertThat(decider.wakeAt(incident)).isEmpty();
        assertThat(decider.tick(incident, at(500))).isEmpty();
        assertThatThrownBy(() -> when(new IncidentCommand.DelegateTask(TASK_2, "x", "bob", null, "alice"), 51))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("resolved");
    }

    @Test
    void resolvingAnUnmitigatedIncidentMitigatesAndAcknowledgesItToo() {
        givenDeclaredByAlice(Severity.SEV2);
        assertThat(when(new IncidentCommand.Resolve(null, "alice"), 30)).extracting(Object::getClass)
                .containsExactly((Class) IncidentEvent.IncidentAcknowledged.class,
                        IncidentEvent.IncidentMitigated.class, IncidentEvent.IncidentResolved.class);
    }

    @Test
    void changingSeverityIsRecordedWithBothSeverities() {
        givenDeclaredByAlice(Severity.SEV2);
        assertThat(when(new IncidentCommand.ChangeSeverity(Severity.SEV1, "spreading", "alice"), 3))
                .containsExactly(new IncidentEvent.IncidentSeverityChanged(INCIDENT, "payments", Severity.SEV2,
                        Severity.SEV1, "alice", "spreading", at(3)));
        assertThat(when(new IncidentCommand.ChangeSeverity(Severity.SEV1, "again", "alice"), 4)).isEmpty();
    }

    @Test
    void commandsOnAnUndeclaredIncidentAreNotFound() {
        assertThatThrownBy(() -> when(new IncidentCommand.Acknowledge("alice"), 1))
                .isInstanceOf(io.commandpost.platform.domain.NotFoundException.class);
    }

    private List<IncidentEvent> tick(int minute) {
        List<IncidentEvent> events = decider.tick(state(), at(minute));
        history.addAll(events);
        return events;
    }

    private static List<IncidentEvent.TaskOverdue> overdue(List<IncidentEvent> events) {
        return events.stream().filter(IncidentEvent.TaskOverdue.class::isInstance)
                .map(IncidentEvent.TaskOverdue.class::cast).toList();
    }

    private static TaskDue due(List<IncidentEvent> events) {
        return new TaskDue(((IncidentEvent.TaskDelegated) events.get(0)).dueAt());
    }

    private record TaskDue(Instant dueAt) {
    }

    private static RuntimeException catchRule(Runnable runnable) {
        try {
            runnable.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }
}
