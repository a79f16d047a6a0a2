-- A question asked with a slash command is posted in its channel as the app's message (kind QUESTION), its ts kept,
-- so that the MRO's answer can be a reply in its thread (issue 13).
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('PAGE', 'REMINDER', 'ANNOUNCEMENT', 'ANSWER', 'QUESTION'));
