-- This crate's index on top of the reference's schema at Alembic revision e5f6a7b8c9d0; it does
-- not change the recorded revision (the reference's Alembic ignores extra indexes). Store::migrate
-- applies it with the e5f6a7b8c9d0 step on an empty schema.
--
-- It finds the actors holding an indexed value (name and value), so that the lookup row of a
-- value its owner gives up is handed to a remaining holder in the same transaction
-- (queries/property_lookup.sql, release_*). It indexes 200-character prefixes: a B-tree entry
-- must stay under about 2700 bytes, and the reference stores values of any size (it dropped
-- its index on the whole value, idx_properties_value, for that reason in c3d4e5f6a7b8); a
-- search compares the full name and value on the rows the prefixes find. List rows (`list:`
-- names) are never indexed properties and are left out.
--
-- A database the reference's Alembic made has no such index; create it there, without
-- blocking writers, with
--   CREATE INDEX CONCURRENTLY idx_properties_name_value_prefix ON properties
--       USING btree ("left"(name, 200), "left"(value, 200)) WHERE (name !~~ 'list:%'::text);
-- Until it exists, values given up are not handed over (and never searched for by a scan).
CREATE INDEX idx_properties_name_value_prefix ON properties
    USING btree ("left"(name, 200), "left"(value, 200)) WHERE (name !~~ 'list:%'::text);
