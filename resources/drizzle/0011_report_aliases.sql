ALTER TABLE `companies` ADD `alias_number` integer;--> statement-breakpoint
-- Existing rows are numbered in the order they were created, before the unique index holds them to it.
UPDATE `companies` SET `alias_number` = (SELECT count(*) FROM `companies` c2 WHERE (c2.`created_at`, c2.`id`) <= (`companies`.`created_at`, `companies`.`id`));--> statement-breakpoint
CREATE UNIQUE INDEX `companies_alias_idx` ON `companies` (`alias_number`);--> statement-breakpoint
ALTER TABLE `participants` ADD `alias_number` integer;--> statement-breakpoint
UPDATE `participants` SET `alias_number` = (SELECT count(*) FROM `participants` p2 WHERE (p2.`created_at`, p2.`id`) <= (`participants`.`created_at`, `participants`.`id`));--> statement-breakpoint
CREATE UNIQUE INDEX `participants_alias_idx` ON `participants` (`alias_number`);
