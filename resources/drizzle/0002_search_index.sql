-- Custom SQL migration file, put your code below! --
-- Full-text search (FTS5) over notes, transcripts, highlights and cancellation-survey comments.
-- External-content tables keyed by each source's rowid, kept in step by triggers, so every write that
-- changes text also updates the index in the same transaction. migrate.ts rebuilds them after any
-- migration, because a table rebuild may renumber rowids.
CREATE VIRTUAL TABLE `notes_fts` USING fts5(`plain_text`, content='interview_notes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `notes_fts_ai` AFTER INSERT ON `interview_notes` BEGIN
  INSERT INTO notes_fts(rowid, plain_text) VALUES (new.rowid, new.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_ad` AFTER DELETE ON `interview_notes` BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_au` AFTER UPDATE OF `plain_text` ON `interview_notes` BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
  INSERT INTO notes_fts(rowid, plain_text) VALUES (new.rowid, new.plain_text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `transcripts_fts` USING fts5(`plain_text`, content='transcripts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `transcripts_fts_ai` AFTER INSERT ON `transcripts` BEGIN
  INSERT INTO transcripts_fts(rowid, plain_text) VALUES (new.rowid, new.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER `transcripts_fts_ad` AFTER DELETE ON `transcripts` BEGIN
  INSERT INTO transcripts_fts(transcripts_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER `transcripts_fts_au` AFTER UPDATE OF `plain_text` ON `transcripts` BEGIN
  INSERT INTO transcripts_fts(transcripts_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
  INSERT INTO transcripts_fts(rowid, plain_text) VALUES (new.rowid, new.plain_text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `highlights_fts` USING fts5(`quote`, `memo`, content='highlights', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ai` AFTER INSERT ON `highlights` BEGIN
  INSERT INTO highlights_fts(rowid, quote, memo) VALUES (new.rowid, new.quote, new.memo);
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ad` AFTER DELETE ON `highlights` BEGIN
  INSERT INTO highlights_fts(highlights_fts, rowid, quote, memo) VALUES ('delete', old.rowid, old.quote, old.memo);
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_au` AFTER UPDATE OF `quote`, `memo` ON `highlights` BEGIN
  INSERT INTO highlights_fts(highlights_fts, rowid, quote, memo) VALUES ('delete', old.rowid, old.quote, old.memo);
  INSERT INTO highlights_fts(rowid, quote, memo) VALUES (new.rowid, new.quote, new.memo);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `survey_fts` USING fts5(`comment`, `reason_raw`, content='churn_survey_responses', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `survey_fts_ai` AFTER INSERT ON `churn_survey_responses` BEGIN
  INSERT INTO survey_fts(rowid, comment, reason_raw) VALUES (new.rowid, new.comment, new.reason_raw);
END;
--> statement-breakpoint
CREATE TRIGGER `survey_fts_ad` AFTER DELETE ON `churn_survey_responses` BEGIN
  INSERT INTO survey_fts(survey_fts, rowid, comment, reason_raw) VALUES ('delete', old.rowid, old.comment, old.reason_raw);
END;
--> statement-breakpoint
CREATE TRIGGER `survey_fts_au` AFTER UPDATE OF `comment`, `reason_raw` ON `churn_survey_responses` BEGIN
  INSERT INTO survey_fts(survey_fts, rowid, comment, reason_raw) VALUES ('delete', old.rowid, old.comment, old.reason_raw);
  INSERT INTO survey_fts(rowid, comment, reason_raw) VALUES (new.rowid, new.comment, new.reason_raw);
END;
--> statement-breakpoint
-- Notes written before this migration become searchable at once.
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
