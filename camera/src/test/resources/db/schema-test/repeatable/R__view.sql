CREATE VIEW IF NOT EXISTS repeatable_view AS SELECT id FROM repeatable_base;
