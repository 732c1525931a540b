CREATE TABLE `interview_tag_counts` (
	`interview_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`highlights` integer NOT NULL,
	PRIMARY KEY(`interview_id`, `tag_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Kept exact by triggers, in the same transaction as the write (see interviewTagCounts in schema.ts).
-- A highlight's tags are removed explicitly before the highlight itself, so the decrement still finds the
-- highlight's interview (a cascade would run after the row is gone). INSERT OR IGNORE fires no trigger for
-- an ignored row, so a tag that was already there is not counted twice.
CREATE TRIGGER `interview_tag_counts_ai` AFTER INSERT ON `highlight_tags` BEGIN
  INSERT INTO interview_tag_counts (interview_id, tag_id, highlights)
    SELECT h.interview_id, new.tag_id, 1 FROM highlights h WHERE h.id = new.highlight_id AND h.interview_id IS NOT NULL
    ON CONFLICT (interview_id, tag_id) DO UPDATE SET highlights = highlights + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_tag_counts_ad` AFTER DELETE ON `highlight_tags` BEGIN
  UPDATE interview_tag_counts SET highlights = highlights - 1
    WHERE tag_id = old.tag_id AND interview_id = (SELECT interview_id FROM highlights WHERE id = old.highlight_id);
  DELETE FROM interview_tag_counts
    WHERE tag_id = old.tag_id AND highlights <= 0 AND interview_id = (SELECT interview_id FROM highlights WHERE id = old.highlight_id);
END;
--> statement-breakpoint
CREATE TRIGGER `interview_tag_counts_au` AFTER UPDATE OF `highlight_id`, `tag_id` ON `highlight_tags` BEGIN
  UPDATE interview_tag_counts SET highlights = highlights - 1
    WHERE tag_id = old.tag_id AND interview_id = (SELECT interview_id FROM highlights WHERE id = old.highlight_id);
  DELETE FROM interview_tag_counts
    WHERE tag_id = old.tag_id AND highlights <= 0 AND interview_id = (SELECT interview_id FROM highlights WHERE id = old.highlight_id);
  INSERT INTO interview_tag_counts (interview_id, tag_id, highlights)
    SELECT h.interview_id, new.tag_id, 1 FROM highlights h WHERE h.id = new.highlight_id AND h.interview_id IS NOT NULL
    ON CONFLICT (interview_id, tag_id) DO UPDATE SET highlights = highlights + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_tag_counts_highlight_bd` BEFORE DELETE ON `highlights` BEGIN
  DELETE FROM highlight_tags WHERE highlight_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_tag_counts_highlight_au` AFTER UPDATE OF `interview_id` ON `highlights`
  WHEN old.interview_id IS NOT new.interview_id BEGIN
  UPDATE interview_tag_counts SET highlights = highlights - 1
    WHERE interview_id = old.interview_id AND tag_id IN (SELECT tag_id FROM highlight_tags WHERE highlight_id = new.id);
  DELETE FROM interview_tag_counts WHERE interview_id = old.interview_id AND highlights <= 0;
  INSERT INTO interview_tag_counts (interview_id, tag_id, highlights)
    SELECT new.interview_id, tag_id, 1 FROM highlight_tags WHERE highlight_id = new.id AND new.interview_id IS NOT NULL
    ON CONFLICT (interview_id, tag_id) DO UPDATE SET highlights = highlights + 1;
END;
--> statement-breakpoint
-- Counted in the migration's own transaction too, so the table is never committed empty over tagged evidence.
INSERT INTO interview_tag_counts (interview_id, tag_id, highlights)
  SELECT h.interview_id, ht.tag_id, count(*) FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
  WHERE h.interview_id IS NOT NULL GROUP BY 1, 2;
