CREATE TABLE `insight_evidence` (
	`insight_id` text NOT NULL,
	`highlight_id` text NOT NULL,
	`stance` text DEFAULT 'for' NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`insight_id`, `highlight_id`),
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`highlight_id`) REFERENCES `highlights`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insight_evidence_highlight_idx` ON `insight_evidence` (`highlight_id`);--> statement-breakpoint
CREATE TABLE `insight_tags` (
	`insight_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`insight_id`, `tag_id`),
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insight_tags_tag_idx` ON `insight_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `insights` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text,
	`statement_json` text NOT NULL,
	`statement_text` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `insights_study_idx` ON `insights` (`study_id`);