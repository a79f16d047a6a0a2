package io.commandpost.incident.incident;

import io.commandpost.events.IncidentEvent;
import io.commandpost.events.IncidentEvent.Role;
import io.commandpost.events.Severity;
import io.commandpost.incident.incident.Incident.Task;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The incident's rules, pure: {@code decide(command, state, now)} answers with the events that follow or
 * throws {@link RuleViolationException} (409) saying why not; {@code wakeAt}/{@code tick} raise the
 * reminders (an overdue task, a status update due) when a timer wakes the incident.
 *
 * <p>The Incident Commander coordinates and never remediates: no task is delegated or reassigned to the
 * commander, and nobody takes command while holding open tasks.
 */
public final class IncidentDecider implements Decider<IncidentCommand, Incident, IncidentEvent> {

    private final IncidentPolicy policy;

    public IncidentDecider(IncidentPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Incident initial() {
        return Incident.NONE;
    }

    @Override
    public Incident evolve(Incident state, IncidentEvent event) {
        return Incident.evolve(state, event);
    }

    @Override
    public List<IncidentEvent> decide(IncidentCommand command, Incident state, Instant now) {
        String by = required(command.by(), "by", "must name who acts");
        if (command instanceof IncidentCommand.Declare declare) {
            return declare(declare, state, by, now);
        }
        if (!state.declared()) {
            throw new NotFoundException("no such incident");
        }
        if (state.resolved()) {
            throw new RuleViolationException("incident " + state.incidentId() + " was resolved at " + state.resolvedAt()
                    + "; it changes no more");
        }
        var id = state.incidentId();
        if (command instanceof IncidentCommand.HandOffCommand handOff) {
            return handOff(handOff, state, by, now);
        }
        if (command instanceof IncidentCommand.AssignRole assign) {
            String person = required(assign.person(), "person", "must name who takes the role");
            Role role = requiredRole(assign.role());
            if (role == Role.EXPERT && assign.memberOf().isEmpty()) {
                throw new RuleViolationException(person + " is not a member of any team in the team directory; "
                        + "an expert is found through the directory's skills (GET /v1/incidents/" + id
                        + "/experts?skill=…): add " + person + " to a team first");
            }
            boolean holds = state.current(role.name()).stream().anyMatch(term -> term.person().equals(person));
            if (holds) {
                return List.of(); // already theirs: nothing happened
            }
            return List.of(new IncidentEvent.IncidentRoleAssigned(id, role, person, by, now));
        }
        if (command instanceof IncidentCommand.ReleaseRole release) {
            String person = required(release.person(), "person", "must name who leaves the role");
            Role role = requiredRole(release.role());
            if (state.current(role.name()).stream().noneMatch(term -> term.person().equals(person))) {
                throw new RuleViolationException(person + " does not hold the role " + role);
            }
            return List.of(new IncidentEvent.IncidentRoleReleased(id, role, person, by, now));
        }
        if (command instanceof IncidentCommand.DelegateTask delegate) {
            return delegate(delegate, state, by, now);
        }
        if (command instanceof IncidentCommand.ReassignTask reassign) {
            Task task = openTask(state, reassign.taskId());
            String assignee = required(reassign.assignee(), "assignee", "must name who takes the task");
            rejectCommanderAsAssignee(state, assignee);
            if (task.assignee().equals(assignee)) {
                return List.of();
            }
            return List.of(new IncidentEvent.TaskReassigned(id, task.taskId(), assignee, by, now));
        }
        if (command instanceof IncidentCommand.StartTask start) {
            Task task = openTask(state, start.taskId());
            if (task.status() == Incident.TaskStatus.IN_PROGRESS) {
                return List.of();
            }
            return List.of(new IncidentEvent.TaskStarted(id, task.taskId(), by, now));
        }
        if (command instanceof IncidentCommand.CompleteTask complete) {
            Task task = openTask(state, complete.taskId());
            return List.of(new IncidentEvent.TaskCompleted(id, task.taskId(), by, now));
        }
        if (command instanceof IncidentCommand.CancelTask cancel) {
            Task task = openTask(state, cancel.taskId());
            String reason = required(cancel.reason(), "reason", "must say why the task is cancelled");
            return List.of(new IncidentEvent.TaskCancelled(id, task.taskId(), by, reason, now));
        }
        if (command instanceof IncidentCommand.PostStatusUpdate post) {
            if (post.audience() == null) {
                throw new InvalidCommandException("audience", "must be INTERNAL or EXTERNAL");
            }
            String text = required(post.text(), "text", "must say what the update is");
            boolean lead = state.communicationsLead().filter(by::equals).isPresent();
            if (!by.equals(state.commander()) && !lead) {
                throw new RuleViolationException("only the Incident Commander (" + state.commander()
                        + ") or the communications lead post status updates");
            }
            Instant next = now.plus(cadence(state.severity()));
            return List.of(new IncidentEvent.StatusUpdatePosted(id, post.audience(), text, by, now, next));
        }
        if (command instanceof IncidentCommand.Acknowledge) {
            if (state.acknowledgedAt() != null) {
                return List.of();
            }
            return List.of(new IncidentEvent.IncidentAcknowledged(id, state.team(), by, now));
        }
        if (command instanceof IncidentCommand.ChangeSeverity change) {
            if (change.to() == null) {
                throw new InvalidCommandException("severity", "must be one of SEV1, SEV2, SEV3, SEV4");
            }
            if (change.to() == state.severity()) {
                return List.of();
            }
            return List.of(new IncidentEvent.IncidentSeverityChanged(id, state.team(), state.severity(), change.to(),
                    by, change.reason(), now));
        }
        if (command instanceof IncidentCommand.Mitigate mitigate) {
            if (state.mitigatedAt() != null) {
                return List.of();
            }
            List<IncidentEvent> events = new ArrayList<>(acknowledgedFirst(state, by, now));
            events.add(new IncidentEvent.IncidentMitigated(id, state.team(), by, mitigate.note(), now));
            return events;
        }
        if (command instanceof IncidentCommand.Resolve resolve) {
            List<IncidentEvent> events = new ArrayList<>(acknowledgedFirst(state, by, now));
            if (state.mitigatedAt() == null) {
                events.add(new IncidentEvent.IncidentMitigated(id, state.team(), by, null, now));
            }
            events.add(new IncidentEvent.IncidentResolved(id, state.team(), by, resolve.summary(), now));
            return events;
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** When the incident next needs waking: the next status update due or the next overdue reminder. */
    @Override
    public Optional<Instant> wakeAt(Incident state) {
        if (!state.declared() || state.resolved()) {
            return Optional.empty();
        }
        List<Instant> candidates = new ArrayList<>();
        candidates.add(nextUpdateDue(state));
        state.tasks().values().stream().filter(Task::isOpen).map(this::nextReminder).forEach(candidates::add);
        return candidates.stream().min(Comparator.naturalOrder());
    }

    /** The reminders due at {@code now}; none twice for the same due time, whoever calls it how often. */
    @Override
    public List<IncidentEvent> tick(Incident state, Instant now) {
        if (!state.declared() || state.resolved()) {
            return List.of();
        }
        List<IncidentEvent> events = new ArrayList<>();
        Instant due = nextUpdateDue(state);
        if (!now.isBefore(due)) {
            events.add(new IncidentEvent.StatusUpdateDue(state.incidentId(), state.commander(),
                    state.communicationsLead().orElse(null), due, now));
        }
        Duration every = policy.overdueReminderEvery();
        for (Task task : state.tasks().values()) {
            if (task.isOpen() && !now.isBefore(nextReminder(task))) {
                // after downtime one reminder, numbered as if none was missed, so reminders never burst
                int reminder = (int) (Duration.between(task.dueAt(), now).toMillis() / every.toMillis()) + 1;
                events.add(new IncidentEvent.TaskOverdue(state.incidentId(), task.taskId(), task.assignee(),
                        task.dueAt(), Math.max(reminder, task.reminders() + 1), now));
            }
        }
        return events;
    }

    /**
     * The next status update is owed one cadence (of the severity now) after the last update, or after the
     * last reminder when that one went unanswered.
     */
    public Instant nextUpdateDue(Incident state) {
        Instant anchor = state.lastUpdateAt();
        if (state.lastUpdateDueRemindedAt() != null && state.lastUpdateDueRemindedAt().isAfter(anchor)) {
            anchor = state.lastUpdateDueRemindedAt();
        }
        return anchor.plus(cadence(state.severity()));
    }

    private Instant nextReminder(Task task) {
        return task.dueAt().plus(policy.overdueReminderEvery().multipliedBy(task.reminders()));
    }

    private Duration cadence(Severity severity) {
        return policy.rule(severity).updateEvery();
    }

    private List<IncidentEvent> declare(IncidentCommand.Declare declare, Incident state, String by, Instant now) {
        if (state.declared()) {
            throw new RuleViolationException("incident " + state.incidentId() + " was already declared");
        }
        if (declare.incidentId() == null) {
            throw new IllegalArgumentException("an incident id is needed");
        }
        String team = required(declare.team(), "team", "must name the team");
        String title = required(declare.title(), "title", "must say what is wrong");
        Severity severity = declare.severity() != null ? declare.severity() : policy.defaultSeverity();
        List<String> alertKeys = declare.alertKeys() == null ? List.of()
                : declare.alertKeys().stream().distinct().toList();
        Instant impact = declare.impactStartedAt() != null && declare.impactStartedAt().isBefore(now)
                ? declare.impactStartedAt() : now;
        return List.of(
                new IncidentEvent.IncidentDeclared(declare.incidentId(), team, title, severity.priority(), by, now,
                        severity, alertKeys, declare.questionId(), impact),
                new IncidentEvent.IncidentCommanderAssigned(declare.incidentId(), by, by, now));
    }

    /** Rule: taking command while holding open tasks requires reassigning them first. */
    private List<IncidentEvent> handOff(IncidentCommand.HandOffCommand handOff, Incident state, String by,
                                        Instant now) {
        String to = required(handOff.to(), "to", "must name who takes command");
        if (to.equals(state.commander())) {
            return List.of();
        }
        List<Task> held = state.openTasksOf(to);
        if (!held.isEmpty()) {
            throw new RuleViolationException("to", to + " holds open tasks (" + titles(held) + "); the Incident "
                    + "Commander never remediates, so reassign them first (POST .../tasks/{taskId}/reassign) and "
                    + "then hand off command");
        }
        return List.of(new IncidentEvent.IncidentCommanderAssigned(state.incidentId(), to, by, now));
    }

    /** Rule: only the commander delegates, and never to the commander. */
    private List<IncidentEvent> delegate(IncidentCommand.DelegateTask delegate, Incident state, String by,
                                         Instant now) {
        String title = required(delegate.title(), "title", "must say what is to be done");
        String assignee = required(delegate.assignee(), "assignee", "must name who does it");
        if (!by.equals(state.commander())) {
            throw new RuleViolationException("only the Incident Commander (" + state.commander() + ") delegates tasks");
        }
        rejectCommanderAsAssignee(state, assignee);
        if (delegate.taskId() == null) {
            throw new IllegalArgumentException("a task id is needed");
        }
        if (state.task(delegate.taskId()).isPresent()) {
            throw new RuleViolationException("task " + delegate.taskId() + " exists already");
        }
        Instant dueAt = delegate.dueAt() != null ? delegate.dueAt()
                : now.plus(policy.rule(state.severity()).taskDueAfter());
        return List.of(new IncidentEvent.TaskDelegated(state.incidentId(), delegate.taskId(), assignee, by, title,
                dueAt, now));
    }

    private static void rejectCommanderAsAssignee(Incident state, String assignee) {
        if (assignee.equals(state.commander())) {
            throw new RuleViolationException("assignee", assignee + " is the Incident Commander, who coordinates and "
                    + "never remediates; to give " + assignee + " this task, hand off command first "
                    + "(POST .../commander with another person) and then assign it");
        }
    }

    private static List<IncidentEvent> acknowledgedFirst(Incident state, String by, Instant now) {
        return state.acknowledgedAt() == null
                ? List.of(new IncidentEvent.IncidentAcknowledged(state.incidentId(), state.team(), by, now))
                : List.of();
    }

    private static Task openTask(Incident state, java.util.UUID taskId) {
        Task task = state.task(taskId).orElseThrow(() -> NotFoundException.of("task", taskId));
        if (!task.isOpen()) {
            throw new RuleViolationException("task " + taskId + " is " + task.status() + " already");
        }
        return task;
    }

    private static String titles(List<Task> tasks) {
        return tasks.stream().map(task -> "'" + task.title() + "'").collect(Collectors.joining(", "));
    }

    private static Role requiredRole(Role role) {
        if (role == null) {
            throw new InvalidCommandException("role", "must be COMMUNICATIONS_LEAD, SCRIBE or EXPERT");
        }
        return role;
    }

    private static String required(String value, String pointer, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(pointer, message);
        }
        return value.strip();
    }
}
