CREATE TABLE `detached_highlights` (
	`highlight_id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`tag_ids` text NOT NULL,
	`memo` text DEFAULT '' NOT NULL,
	`emotion` integer,
	`detached_at` text NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
