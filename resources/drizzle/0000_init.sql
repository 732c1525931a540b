CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`segment` text,
	`plan` text DEFAULT '' NOT NULL,
	`mrr_minor` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`customer_since` text,
	`status` text DEFAULT 'active' NOT NULL,
	`churned_on` text,
	`churn_type` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `companies_name_idx` ON `companies` (`name`);--> statement-breakpoint
CREATE TABLE `interview_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`question_id` text NOT NULL,
	`doc` text NOT NULL,
	`plain_text` text DEFAULT '' NOT NULL,
	`first_elapsed_ms` integer,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_notes_question_uq` ON `interview_notes` (`interview_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`participant_id` text,
	`title` text DEFAULT '' NOT NULL,
	`script_source_id` text,
	`script_name` text NOT NULL,
	`script_snapshot` text NOT NULL,
	`interviewer` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`scheduled_at` text,
	`conducted_at` text,
	`planned_minutes` integer DEFAULT 60 NOT NULL,
	`elapsed_ms` integer DEFAULT 0 NOT NULL,
	`timer_started_at` text,
	`current_question_id` text,
	`nps` integer,
	`nps_reason` text DEFAULT '' NOT NULL,
	`csat` integer,
	`csat_reason` text DEFAULT '' NOT NULL,
	`ces` integer,
	`ces_reason` text DEFAULT '' NOT NULL,
	`csi_ratings` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interviews_study_idx` ON `interviews` (`study_id`);--> statement-breakpoint
CREATE INDEX `interviews_participant_idx` ON `interviews` (`participant_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`company_id` text,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`consent_to_record` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `participants_company_idx` ON `participants` (`company_id`);--> statement-breakpoint
CREATE TABLE `scripts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`method` text NOT NULL,
	`language` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `studies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`method` text NOT NULL,
	`status` text DEFAULT 'planning' NOT NULL,
	`target_interviews` integer DEFAULT 10 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
