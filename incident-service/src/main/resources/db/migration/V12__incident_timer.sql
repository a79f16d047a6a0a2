-- Durable timers of incidents (IncidentTimers): when each open incident next needs waking (a status update
-- due, an overdue task), written in the transaction that appended the events that made it due.
create table incident_timer (
    incident_id  uuid        primary key,
    wake_at      timestamptz not null
);
create index incident_timer_due on incident_timer (wake_at);
