-- Custom SQL migration file, put your code below! --
-- The reasons given with an NPS, CSAT or CES score are what the participant said in their own words, so search
-- finds them like notes. External content over interviews (rowid), kept in step by triggers on the three
-- reason columns only: the runner updates interviews often (clock, current question) without touching them.
CREATE VIRTUAL TABLE `ratings_fts` USING fts5(`nps_reason`, `csat_reason`, `ces_reason`, content='interviews', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `ratings_fts_ai` AFTER INSERT ON `interviews` BEGIN
  INSERT INTO ratings_fts(rowid, nps_reason, csat_reason, ces_reason) VALUES (new.rowid, new.nps_reason, new.csat_reason, new.ces_reason);
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_fts_ad` AFTER DELETE ON `interviews` BEGIN
  INSERT INTO ratings_fts(ratings_fts, rowid, nps_reason, csat_reason, ces_reason) VALUES ('delete', old.rowid, old.nps_reason, old.csat_reason, old.ces_reason);
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_fts_au` AFTER UPDATE OF `nps_reason`, `csat_reason`, `ces_reason` ON `interviews` BEGIN
  INSERT INTO ratings_fts(ratings_fts, rowid, nps_reason, csat_reason, ces_reason) VALUES ('delete', old.rowid, old.nps_reason, old.csat_reason, old.ces_reason);
  INSERT INTO ratings_fts(rowid, nps_reason, csat_reason, ces_reason) VALUES (new.rowid, new.nps_reason, new.csat_reason, new.ces_reason);
END;
--> statement-breakpoint
-- Reasons written before this migration become searchable at once.
INSERT INTO ratings_fts(ratings_fts) VALUES ('rebuild');
