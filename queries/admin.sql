-- Queries about the database itself: migration state and health metrics.

--: KeyParam()
--: RevisionParam()
--: SchemaParam()

--! migration_lock KeyParam
-- Serialises migrators until the end of the transaction.
SELECT true AS locked FROM (SELECT pg_advisory_xact_lock(:key)) AS l;

--! schema_access SchemaParam : (role, database, schema_exists, can_use_schema, can_create_schema, can_create_in_schema)
-- What migrate may do: whether the schema exists, whether this role may use it (USAGE), create
-- it (CREATE on the database) and create tables in it (CREATE on the schema).
SELECT current_user::text AS role,
       current_database()::text AS database,
       n.oid IS NOT NULL AS schema_exists,
       COALESCE(has_schema_privilege(n.oid, 'USAGE'), false) AS can_use_schema,
       has_database_privilege(current_database(), 'CREATE') AS can_create_schema,
       COALESCE(has_schema_privilege(n.oid, 'CREATE'), false) AS can_create_in_schema
FROM (SELECT :schema::text AS name) AS s
LEFT JOIN pg_namespace n ON n.nspname = s.name;

--! schema_state : (has_alembic, has_actors)
SELECT to_regclass('alembic_version') IS NOT NULL AS has_alembic,
       to_regclass('actors') IS NOT NULL AS has_actors;

--! alembic_revisions
SELECT version_num FROM alembic_version ORDER BY version_num;

--! clear_revisions
DELETE FROM alembic_version RETURNING version_num;

--! record_revision RevisionParam
INSERT INTO alembic_version (version_num) VALUES (:revision) RETURNING version_num;

--! server_facts : (server_version, active_connections, database_size)
SELECT current_setting('server_version') AS server_version,
       (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())
           AS active_connections,
       pg_database_size(current_database()) AS database_size;

--! table_stats : (name, row_estimate, total_bytes)
-- Row estimates come from the planner's statistics (-1 or 0 until the table is analyzed).
SELECT c.relname::text AS name,
       c.reltuples::bigint AS row_estimate,
       pg_total_relation_size(c.oid) AS total_bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r'
ORDER BY c.relname;

--! wal_flush_position
-- The primary's WAL flush position (what standbys can have received), in bytes from 0/0.
SELECT (pg_current_wal_flush_lsn() - '0/0'::pg_lsn)::bigint AS position;

--! replay_position : (replay_lsn?)
-- Whether this server is a standby in recovery, and how far it has replayed the WAL (bytes
-- from 0/0; NULL on a primary).
SELECT pg_is_in_recovery() AS in_recovery,
       (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS replay_lsn;
