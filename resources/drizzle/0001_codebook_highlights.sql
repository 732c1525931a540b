CREATE TABLE `churn_survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`study_id` text,
	`responded_on` text NOT NULL,
	`reason_raw` text NOT NULL,
	`reason_tag_id` text,
	`comment` text DEFAULT '' NOT NULL,
	`mrr_minor` integer,
	`import_batch_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reason_tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `survey_company_idx` ON `churn_survey_responses` (`company_id`);--> statement-breakpoint
CREATE INDEX `survey_reason_idx` ON `churn_survey_responses` (`reason_tag_id`);--> statement-breakpoint
CREATE TABLE `highlight_tags` (
	`highlight_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`highlight_id`, `tag_id`),
	FOREIGN KEY (`highlight_id`) REFERENCES `highlights`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `highlight_tags_tag_idx` ON `highlight_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `highlights` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text,
	`note_id` text,
	`transcript_id` text,
	`survey_response_id` text,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	`quote` text NOT NULL,
	`memo` text DEFAULT '' NOT NULL,
	`emotion` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`note_id`) REFERENCES `interview_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`transcript_id`) REFERENCES `transcripts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_response_id`) REFERENCES `churn_survey_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "highlights_one_source" CHECK((note_id is not null) + (transcript_id is not null) + (survey_response_id is not null) = 1)
);
--> statement-breakpoint
CREATE INDEX `highlights_interview_idx` ON `highlights` (`interview_id`);--> statement-breakpoint
CREATE INDEX `highlights_note_idx` ON `highlights` (`note_id`);--> statement-breakpoint
CREATE INDEX `highlights_transcript_idx` ON `highlights` (`transcript_id`);--> statement-breakpoint
CREATE INDEX `highlights_survey_idx` ON `highlights` (`survey_response_id`);--> statement-breakpoint
CREATE TABLE `job_stories` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`situation` text NOT NULL,
	`motivation` text NOT NULL,
	`outcome` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_stories_interview_idx` ON `job_stories` (`interview_id`);--> statement-breakpoint
CREATE TABLE `tag_aliases` (
	`id` text PRIMARY KEY NOT NULL,
	`tag_id` text NOT NULL,
	`alias` text NOT NULL,
	`code` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tag_aliases_tag_idx` ON `tag_aliases` (`tag_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`code` text,
	`kind` text DEFAULT 'theme' NOT NULL,
	`color` text DEFAULT '#8a8f98' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`owner_team` text DEFAULT '' NOT NULL,
	`prevention` text DEFAULT '' NOT NULL,
	`semantic_key` text,
	`emotion_score` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`deleted_at` text,
	`merged_into_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tags_parent_idx` ON `tags` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tags_code_uq` ON `tags` (`code`) WHERE code is not null and deleted_at is null;--> statement-breakpoint
CREATE TABLE `transcripts` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`title` text NOT NULL,
	`source_name` text DEFAULT '' NOT NULL,
	`source_format` text NOT NULL,
	`doc` text NOT NULL,
	`plain_text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transcripts_interview_idx` ON `transcripts` (`interview_id`);--> statement-breakpoint
ALTER TABLE `interviews` ADD `primary_churn_reason_tag_id` text REFERENCES tags(id);