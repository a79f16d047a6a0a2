package io.commandpost.incident.incident;

import io.commandpost.events.IncidentEvent;
import io.commandpost.events.IncidentEvent.Audience;
import io.commandpost.events.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One incident as its events made it: a pure fold ({@link #evolve}), no clock, no configuration.
 *
 * @param commander     the Incident Commander now (exactly one once declared)
 * @param roles         every term anyone held a role, the commander's included, in the order they began
 * @param lastUpdateAt  the last status update, or the declaration when none was posted yet
 * @param lastUpdateDueRemindedAt the due time of the last status-update reminder, or null
 * @param version       how many events were folded in (the stream version)
 */
public record Incident(
        UUID incidentId,
        String team,
        String title,
        Severity severity,
        String declaredBy,
        Instant declaredAt,
        Instant impactStartedAt,
        List<String> alertKeys,
        UUID questionId,
        String commander,
        List<RoleTerm> roles,
        Map<UUID, Task> tasks,
        List<StatusUpdate> updates,
        Instant lastUpdateAt,
        Instant lastUpdateDueRemindedAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        long version) {

    /** The role names of a term: the event roles plus the commander's. */
    public static final String COMMANDER = "INCIDENT_COMMANDER";

    public static final Incident NONE = new Incident(null, null, null, null, null, null, null, List.of(), null, null,
            List.of(), Map.of(), List.of(), null, null, null, null, null, 0);

    public enum TaskStatus { OPEN, IN_PROGRESS, DONE, CANCELLED }

    /** Someone held {@code role} from {@code from} until {@code until} (null while they still do). */
    public record RoleTerm(String role, String person, String assignedBy, Instant from, Instant until) {

        public boolean current() {
            return until == null;
        }
    }

    /**
     * @param reminders how many overdue reminders were raised
     * @param closedBy  who finished or cancelled it
     */
    public record Task(UUID taskId, String title, String assignee, String delegatedBy, Instant delegatedAt,
                       Instant dueAt, TaskStatus status, String closedBy, Instant closedAt, String cancelReason,
                       int reminders) {

        public boolean isOpen() {
            return status == TaskStatus.OPEN || status == TaskStatus.IN_PROGRESS;
        }

        Task with(String assignee, TaskStatus status, String closedBy, Instant closedAt, String cancelReason,
                  int reminders) {
            return new Task(taskId, title, assignee, delegatedBy, delegatedAt, dueAt, status, closedBy, closedAt,
                    cancelReason, reminders);
        }
    }

    public record StatusUpdate(Audience audience, String text, String postedBy, Instant postedAt) {
    }

    public boolean declared() {
        return incidentId != null;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public List<RoleTerm> current(String role) {
        return roles.stream().filter(term -> term.role().equals(role) && term.current()).toList();
    }

    public Optional<String> communicationsLead() {
        return current(IncidentEvent.Role.COMMUNICATIONS_LEAD.name()).stream().map(RoleTerm::person).findFirst();
    }

    public List<Task> openTasksOf(String person) {
        return tasks.values().stream().filter(task -> task.isOpen() && task.assignee().equals(person)).toList();
    }

    public Optional<Task> task(UUID taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    public static Incident evolve(Incident state, IncidentEvent event) {
        Incident next = apply(state, event);
        return next.withVersion(state.version + 1);
    }

    private static Incident apply(Incident s, IncidentEvent event) {
        if (event instanceof IncidentEvent.IncidentDeclared e) {
            return new Incident(e.incidentId(), e.team(), e.title(),
                    e.severity() != null ? e.severity() : severityOf(e), e.declaredBy(), e.declaredAt(),
                    e.impactStartedAt() != null ? e.impactStartedAt() : e.declaredAt(),
                    e.alertKeys() == null ? List.of() : List.copyOf(e.alertKeys()), e.questionId(), null, List.of(),
                    Map.of(), List.of(), e.declaredAt(), null, null, null, null, s.version);
        }
        if (event instanceof IncidentEvent.IncidentCommanderAssigned e) {
            return s.withCommander(e.commander(),
                    endTerms(s.roles, COMMANDER, null, e.assignedAt(),
                    new RoleTerm(COMMANDER, e.commander(), e.assignedBy(), e.assignedAt(), null)));
        }
        if (event instanceof IncidentEvent.IncidentRoleAssigned e) {
            return s.withRoles(endTerms(s.roles, e.role().name(),
                    e.role() == IncidentEvent.Role.EXPERT ? e.person() : null, e.assignedAt(),
                    new RoleTerm(e.role().name(), e.person(), e.assignedBy(), e.assignedAt(), null)));
        }
        if (event instanceof IncidentEvent.IncidentRoleReleased e) {
            return s.withRoles(endTerms(s.roles, e.role().name(), e.person(),
                    e.releasedAt(), null));
        }
        if (event instanceof IncidentEvent.TaskDelegated e) {
            return s.withTask(new Task(e.taskId(), e.description(), e.assignee(),
                    e.delegatedBy(), e.delegatedAt(), e.dueAt(), TaskStatus.OPEN, null, null, null, 0));
        }
        if (event instanceof IncidentEvent.TaskReassigned e) {
            return s.changeTask(e.taskId(),
                    t -> t.with(e.assignee(), t.status(), null, null, null, t.reminders()));
        }
        if (event instanceof IncidentEvent.TaskStarted e) {
            return s.changeTask(e.taskId(),
                    t -> t.with(t.assignee(), TaskStatus.IN_PROGRESS, null, null, null, t.reminders()));
        }
        if (event instanceof IncidentEvent.TaskCompleted e) {
            return s.changeTask(e.taskId(),
                    t -> t.with(t.assignee(), TaskStatus.DONE, e.completedBy(), e.completedAt(), null, t.reminders()));
        }
        if (event instanceof IncidentEvent.TaskCancelled e) {
            return s.changeTask(e.taskId(), t -> t.with(t.assignee(),
                    TaskStatus.CANCELLED, e.cancelledBy(), e.cancelledAt(), e.reason(), t.reminders()));
        }
        if (event instanceof IncidentEvent.TaskOverdue e) {
            return s.changeTask(e.taskId(),
                    t -> t.with(t.assignee(), t.status(), null, null, null, Math.max(t.reminders(), e.reminder())));
        }
        if (event instanceof IncidentEvent.StatusUpdatePosted e) {
            return s.withUpdate(
                    new StatusUpdate(e.audience(), e.text(), e.postedBy(), e.postedAt()));
        }
        if (event instanceof IncidentEvent.StatusUpdateDue e) {
            return new Incident(s.incidentId, s.team, s.title, s.severity,
                    s.declaredBy, s.declaredAt, s.impactStartedAt, s.alertKeys, s.questionId, s.commander, s.roles,
                    s.tasks, s.updates, s.lastUpdateAt, e.dueAt(), s.acknowledgedAt, s.mitigatedAt, s.resolvedAt,
                    s.version);
        }
        if (event instanceof IncidentEvent.IncidentAcknowledged e) {
            return s.withMilestones(
                    s.acknowledgedAt != null ? s.acknowledgedAt : e.acknowledgedAt(), s.mitigatedAt, s.resolvedAt);
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged e) {
            return new Incident(s.incidentId, s.team, s.title, e.to(),
                    s.declaredBy, s.declaredAt, s.impactStartedAt, s.alertKeys, s.questionId, s.commander, s.roles,
                    s.tasks, s.updates, s.lastUpdateAt, s.lastUpdateDueRemindedAt, s.acknowledgedAt, s.mitigatedAt,
                    s.resolvedAt, s.version);
        }
        if (event instanceof IncidentEvent.IncidentMitigated e) {
            return s.withMilestones(s.acknowledgedAt,
                    s.mitigatedAt != null ? s.mitigatedAt : e.mitigatedAt(), s.resolvedAt);
        }
        if (event instanceof IncidentEvent.IncidentResolved e) {
            return s.withMilestones(s.acknowledgedAt, s.mitigatedAt,
                    e.resolvedAt()).withRoles(endAll(s.roles, e.resolvedAt()));
        }
        return s;
    }

    private static Severity severityOf(IncidentEvent.IncidentDeclared e) {
        return e.priority() == null ? null : Severity.values()[Math.min(e.priority().ordinal(), 3)];
    }

    /** Ends the current terms of {@code role} (only {@code person}'s when given), then adds {@code started}. */
    private static List<RoleTerm> endTerms(List<RoleTerm> roles, String role, String person, Instant at,
                                           RoleTerm started) {
        List<RoleTerm> next = new ArrayList<>(roles.size() + 1);
        for (RoleTerm term : roles) {
            boolean ends = term.current() && term.role().equals(role) && (person == null || term.person().equals(person));
            next.add(ends ? new RoleTerm(term.role(), term.person(), term.assignedBy(), term.from(), at) : term);
        }
        if (started != null) {
            next.add(started);
        }
        return List.copyOf(next);
    }

    private static List<RoleTerm> endAll(List<RoleTerm> roles, Instant at) {
        return roles.stream().map(term -> term.current()
                ? new RoleTerm(term.role(), term.person(), term.assignedBy(), term.from(), at) : term).toList();
    }

    private Incident withVersion(long v) {
        return new Incident(incidentId, team, title, severity, declaredBy, declaredAt, impactStartedAt, alertKeys,
                questionId, commander, roles, tasks, updates, lastUpdateAt, lastUpdateDueRemindedAt, acknowledgedAt,
                mitigatedAt, resolvedAt, v);
    }

    private Incident withCommander(String who, List<RoleTerm> terms) {
        return new Incident(incidentId, team, title, severity, declaredBy, declaredAt, impactStartedAt, alertKeys,
                questionId, who, terms, tasks, updates, lastUpdateAt, lastUpdateDueRemindedAt, acknowledgedAt,
                mitigatedAt, resolvedAt, version);
    }

    private Incident withRoles(List<RoleTerm> terms) {
        return withCommander(commander, terms);
    }

    private Incident withTask(Task task) {
        Map<UUID, Task> next = new LinkedHashMap<>(tasks);
        next.put(task.taskId(), task);
        return new Incident(incidentId, team, title, severity, declaredBy, declaredAt, impactStartedAt, alertKeys,
                questionId, commander, roles, java.util.Collections.unmodifiableMap(next), updates, lastUpdateAt,
                lastUpdateDueRemindedAt, acknowledgedAt, mitigatedAt, resolvedAt, version);
    }

    private Incident changeTask(UUID taskId, java.util.function.UnaryOperator<Task> change) {
        Task task = tasks.get(taskId);
        return task == null ? this : withTask(change.apply(task));
    }

    private Incident withUpdate(StatusUpdate update) {
        List<StatusUpdate> next = new ArrayList<>(updates);
        next.add(update);
        return new Incident(incidentId, team, title, severity, declaredBy, declaredAt, impactStartedAt, alertKeys,
                questionId, commander, roles, tasks, List.copyOf(next), update.postedAt(), lastUpdateDueRemindedAt,
                acknowledgedAt, mitigatedAt, resolvedAt, version);
    }

    private Incident withMilestones(Instant acknowledged, Instant mitigated, Instant resolved) {
        return new Incident(incidentId, team, title, severity, declaredBy, declaredAt, impactStartedAt, alertKeys,
                questionId, commander, roles, tasks, updates, lastUpdateAt, lastUpdateDueRemindedAt, acknowledged,
                mitigated, resolved, version);
    }
}
