-- Integrations can be edited (PATCH): the version counts edits of the editable configuration (name,
-- default priority, settings) and is the ETag that If-Match checks. Token rotation and revocation
-- do not change it.
alter table integration add column version bigint not null default 1;
