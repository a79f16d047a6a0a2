-- Who closed an alert item (a person's handle, or tool:<integration>): after a person's resolve the tool's
-- later resolve has no effect (shared AlertLifecycle). Numbered 20.1 so that it never clashes with another V21+.
alter table handover_open_item add column resolved_by text;
