DROP INDEX `highlight_tags_tag_idx`;--> statement-breakpoint
CREATE INDEX `highlight_tags_tag_highlight_idx` ON `highlight_tags` (`tag_id`,`highlight_id`);--> statement-breakpoint
DROP INDEX `highlights_interview_idx`;--> statement-breakpoint
CREATE INDEX `highlights_interview_id_idx` ON `highlights` (`interview_id`,`id`);--> statement-breakpoint
CREATE INDEX `interviews_rollup_idx` ON `interviews` (`study_id`,`participant_id`,`primary_churn_reason_tag_id`,`conducted_at`,`scheduled_at`,`created_at`,`id`);