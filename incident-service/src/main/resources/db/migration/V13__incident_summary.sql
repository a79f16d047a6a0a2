-- Incidents at a glance (IncidentsProjection, "incidents"): one row per incident from commandpost.incidents.v1,
-- for the team's incident list and the metrics (open by severity, time to acknowledge / resolve).
-- Every column comes from events, so a rebuild from the topic yields the same rows.
create table incident_summary (
    incident_id        uuid        primary key,
    team               text        not null,
    title              text        not null,
    severity           text        not null,
    commander          text,
    declared_at        timestamptz not null,
    impact_started_at  timestamptz not null,
    acknowledged_at    timestamptz,
    mitigated_at       timestamptz,
    resolved_at        timestamptz,
    version            bigint      not null
);
create index incident_summary_team on incident_summary (team, declared_at);
