DROP INDEX `highlights_interview_id_idx`;--> statement-breakpoint
CREATE INDEX `highlights_interview_covering_idx` ON `highlights` (`interview_id`,`id`,`emotion`,`created_at`);