import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

const FileStampSchema = z.object({ size: z.number(), mtimeMs: z.number() })
export type FileStamp = z.infer<typeof FileStampSchema>

const BackupSettingsSchema = z.object({
  folder: z.string().nullable().default(null),
  lastAt: z.string().nullable().default(null),
})
export type BackupSettings = z.infer<typeof BackupSettingsSchema>

const SettingsSchema = z.object({
  recentLibraries: z.array(z.string()).default([]),
  lastLibrary: z.string().nullable().default(null),
  /** Size and modification time of each library when Fieldnote last closed it cleanly. */
  cleanCloses: z.record(z.string(), FileStampSchema).default({}),
  /** Per library: the backup folder the person chose (null: the default) and when the last backup was taken. */
  backups: z.record(z.string(), BackupSettingsSchema).default({}),
})
export type Settings = z.infer<typeof SettingsSchema>

const MAX_RECENT = 10

/** App-level settings (not library data) in a small JSON file beside the default library. */
export class SettingsStore {
  private readonly file: string
  private settings: Settings

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json')
    this.settings = this.load()
  }

  private load(): Settings {
    if (!existsSync(this.file)) return SettingsSchema.parse({})
    try {
      return SettingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')))
    } catch {
      // Unreadable settings only cost the recent list; the libraries themselves are untouched.
      return SettingsSchema.parse({})
    }
  }

  get(): Settings {
    return this.settings
  }

  rememberOpened(path: string): void {
    const recent = [path, ...this.settings.recentLibraries.filter((p) => p !== path)].slice(0, MAX_RECENT)
    // Opening for writing ends the clean state until the next clean close.
    const { [path]: _opened, ...cleanCloses } = this.settings.cleanCloses
    this.settings = { ...this.settings, recentLibraries: recent, lastLibrary: path, cleanCloses }
    this.save()
  }

  rememberCleanClose(path: string, stamp: FileStamp): void {
    const known = new Set(this.settings.recentLibraries)
    const kept = Object.fromEntries(Object.entries(this.settings.cleanCloses).filter(([p]) => known.has(p)))
    this.settings = { ...this.settings, cleanCloses: { ...kept, [path]: stamp } }
    this.save()
  }

  cleanCloseOf(path: string): FileStamp | null {
    return this.settings.cleanCloses[path] ?? null
  }

  backupsOf(path: string): BackupSettings {
    return this.settings.backups[path] ?? { folder: null, lastAt: null }
  }

  rememberBackups(path: string, change: Partial<BackupSettings>): void {
    const backups = { ...this.settings.backups, [path]: { ...this.backupsOf(path), ...change } }
    this.settings = { ...this.settings, backups }
    this.save()
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(this.settings, null, 2))
    renameSync(tmp, this.file)
  }
}
