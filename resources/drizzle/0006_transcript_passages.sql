CREATE TABLE `transcript_passages` (
	`id` integer PRIMARY KEY NOT NULL,
	`transcript_id` text NOT NULL,
	`paragraph` integer NOT NULL,
	`start` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`transcript_id`) REFERENCES `transcripts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transcript_passages_transcript_idx` ON `transcript_passages` (`transcript_id`,`start`);--> statement-breakpoint
-- Transcript search indexes passages instead of whole transcripts: a hit then reads a few hundred characters
-- (a whole transcript is ~17 KB) and points at its paragraph. A passage is the run of paragraphs whose start
-- offsets fall in the same 480-character stretch of the plain text (paragraphs joined by "\n", as
-- transcriptDoc builds it), so passages follow paragraph boundaries and every transcript is cut the same way
-- by the trigger below and by this migration. start is a code-point offset (SQLite's length() counts characters).
DROP TRIGGER IF EXISTS `transcripts_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `transcripts_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `transcripts_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `transcripts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `transcripts_fts` USING fts5(`text`, content='transcript_passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `transcript_passages_fts_ai` AFTER INSERT ON `transcript_passages` BEGIN
  INSERT INTO transcripts_fts(rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_passages_fts_ad` AFTER DELETE ON `transcript_passages` BEGIN
  INSERT INTO transcripts_fts(transcripts_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_passages_fts_au` AFTER UPDATE ON `transcript_passages` BEGIN
  INSERT INTO transcripts_fts(transcripts_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO transcripts_fts(rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `transcripts_passages_ai` AFTER INSERT ON `transcripts` BEGIN
  INSERT INTO transcript_passages (transcript_id, paragraph, start, text)
    SELECT new.id, min(paragraph), min(start), group_concat(text, char(10) ORDER BY paragraph)
    FROM (
      SELECT paragraph, text,
        coalesce(sum(length(text) + 1) OVER (ORDER BY paragraph ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
      FROM (
        SELECT cast(p.key AS integer) AS paragraph,
          coalesce((SELECT group_concat(json_extract(c.value, '$.text'), '' ORDER BY c.key) FROM json_each(p.value, '$.content') c), '') AS text
        FROM json_each(new.doc, '$.content') p
      )
    )
    GROUP BY start / 480;
END;
--> statement-breakpoint
CREATE TRIGGER `transcripts_passages_ad` AFTER DELETE ON `transcripts` BEGIN
  DELETE FROM transcript_passages WHERE transcript_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `transcripts_passages_au` AFTER UPDATE OF `doc` ON `transcripts` BEGIN
  DELETE FROM transcript_passages WHERE transcript_id = old.id;
  INSERT INTO transcript_passages (transcript_id, paragraph, start, text)
    SELECT new.id, min(paragraph), min(start), group_concat(text, char(10) ORDER BY paragraph)
    FROM (
      SELECT paragraph, text,
        coalesce(sum(length(text) + 1) OVER (ORDER BY paragraph ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
      FROM (
        SELECT cast(p.key AS integer) AS paragraph,
          coalesce((SELECT group_concat(json_extract(c.value, '$.text'), '' ORDER BY c.key) FROM json_each(p.value, '$.content') c), '') AS text
        FROM json_each(new.doc, '$.content') p
      )
    )
    GROUP BY start / 480;
END;
--> statement-breakpoint
-- Existing transcripts, oldest first (rowid order), cut by the update trigger above: one definition of a passage.
UPDATE `transcripts` SET `doc` = `doc`;
