-- Who acknowledged / resolved an alert's current (or last) occurrence: a person's handle, or tool:<integration>
-- for the monitoring tool's own acknowledge or resolve (shared AlertLifecycle). Null for incidents and questions.
-- Numbered 11.1 so that it never clashes with another branch's V12.
alter table queue_item add column acknowledged_by text;
alter table queue_item add column resolved_by text;
