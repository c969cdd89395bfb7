-- Queries on the actors table. Every statement returns rows so that the generated code runs it
-- on a prepared, per-connection cached statement.

--: ActorRow(created_at?)

--! actor_by_id : ActorRow
SELECT id, creator, passphrase, created_at FROM actors WHERE id = :id;

--! actors_by_creator : ActorRow
SELECT id, creator, passphrase, created_at FROM actors WHERE creator = :creator ORDER BY id;

--! list_actors : (id, creator)
SELECT id, creator FROM actors ORDER BY id;

--! insert_actor : ActorRow
-- created_at is naive UTC whatever the session TimeZone; no row when the id is taken.
INSERT INTO actors (id, creator, passphrase, created_at)
VALUES (:id, :creator, :passphrase, now() AT TIME ZONE 'UTC')
ON CONFLICT (id) DO NOTHING
RETURNING id, creator, passphrase, created_at;

--! update_actor (creator?, passphrase?)
-- A NULL argument leaves that column as it is; no row when the actor does not exist.
UPDATE actors
SET creator = COALESCE(:creator, creator), passphrase = COALESCE(:passphrase, passphrase)
WHERE id = :id
RETURNING true AS updated;

--! delete_actor
-- Cascades to the actor's property_lookup rows (the only foreign key).
DELETE FROM actors WHERE id = :id RETURNING true AS deleted;

--! lock_actor
-- Whether the actor exists; its row stays key-share locked (cannot be deleted) until the
-- transaction ends.
SELECT true AS present FROM actors WHERE id = :id FOR KEY SHARE;
