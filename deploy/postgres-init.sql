create database commandpost_alert_ingest owner commandpost;
create database commandpost_rotation owner commandpost;
create database commandpost_incident owner commandpost;
create database commandpost_notification owner commandpost;
