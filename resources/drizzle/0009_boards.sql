CREATE TABLE `board_card_evidence` (
	`card_id` text NOT NULL,
	`highlight_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`card_id`, `highlight_id`),
	FOREIGN KEY (`card_id`) REFERENCES `board_cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`highlight_id`) REFERENCES `highlights`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `board_card_evidence_highlight_idx` ON `board_card_evidence` (`highlight_id`);--> statement-breakpoint
CREATE TABLE `board_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`lane_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`tag_id` text,
	`channel` text DEFAULT '' NOT NULL,
	`teams` text DEFAULT '[]' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`priority` text,
	`status` text,
	`answers` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lane_id`) REFERENCES `board_lanes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `board_stages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `board_cards_board_idx` ON `board_cards` (`board_id`,`position`);--> statement-breakpoint
CREATE TABLE `board_lanes` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `board_lanes_board_idx` ON `board_lanes` (`board_id`,`position`);--> statement-breakpoint
CREATE TABLE `board_stages` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`tag_id` text,
	`emotion_to_be` real,
	`emotion_override` real,
	`emotion_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `board_stages_board_idx` ON `board_stages` (`board_id`,`position`);--> statement-breakpoint
CREATE TABLE `boards` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`segment` text,
	`persona` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `boards_study_idx` ON `boards` (`study_id`);