import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

const SettingsSchema = z.object({
  recentLibraries: z.array(z.string()).default([]),
  lastLibrary: z.string().nullable().default(null),
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
    this.settings = { recentLibraries: recent, lastLibrary: path }
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(this.settings, null, 2))
    renameSync(tmp, this.file)
  }
}
