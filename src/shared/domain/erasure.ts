import { z } from 'zod'

/**
 * A participant forgotten on request: when, and since when the library held their data (their record or
 * their first interview, whichever came first). Nothing that names them: the record is kept to tell which
 * older backups still hold what was erased.
 */
export const ErasureSchema = z.object({
  erasedAt: z.string(),
  heldSince: z.string(),
})
export type Erasure = z.infer<typeof ErasureSchema>

/** A backup's name gives its time to the second; it may have been taken any time in that second. */
const NAME_PRECISION_MS = 1000

/**
 * The newest erasure whose data a backup taken at `takenAt` may still hold: it was made after the data came
 * and before it was erased. On the safe side within the second its name gives.
 */
export function erasureHeldBy(takenAt: string, erasures: readonly Erasure[]): Erasure | null {
  const at = Date.parse(takenAt)
  let held: Erasure | null = null
  for (const e of erasures)
    if (at + NAME_PRECISION_MS > Date.parse(e.heldSince) && at <= Date.parse(e.erasedAt))
      if (!held || e.erasedAt > held.erasedAt) held = e
  return held
}
