import type { ForgetImpact, ForgetResult } from '../../shared/ipc/contracts/participants'
import { AppError } from '../../shared/ipc/errors'
import { nameKey } from '../../shared/text/name-key'
import { compactLibrary } from '../db/compact'
import { nowIso, type LibraryBackups, type ServiceContext } from '../db/context'
import { backupsHolding, deleteBackups } from './backups/erased'
import { deleteInterview } from './interviews'
import { deleteParticipant, getParticipant } from './participants'

/**
 * Forgetting a participant (an erasure request) removes the person and everything that carries their words,
 * table by table (src/main/db/schema.ts):
 * - participants: the row. Its pseudonym (P7) is computed from it at report time, so no name stays behind.
 * - interviews with them: deleted (rating reasons, title, times), and by cascade their interview_notes,
 *   transcripts with transcript_passages, highlights with highlight_tags, job_stories, detached_highlights
 *   (memos of quotes cut from notes) and interview_tag_counts; the full-text indexes follow by trigger.
 * - insight_evidence and board_card_evidence: the links to those quotes go with them (cascade); insights,
 *   boards and cards stay, with less evidence.
 * - companies, studies, tags, scripts: kept (the company is not the person). churn_survey_responses are the
 *   company's cancellation survey with no respondent recorded, so they stay with it.
 * - tag_merges: kept; a merge's snapshot holds only ids, and its undo skips quotes that are gone.
 */

const IMPACT_SQL = `
  with mine as (select id, created_at from interviews where participant_id = @id),
       quotes as (select h.id from highlights h where h.interview_id in (select id from mine))
  select
    (select count(*) from mine) as interviews,
    (select count(*) from interview_notes where interview_id in (select id from mine) and plain_text <> '') as notes,
    (select count(*) from transcripts where interview_id in (select id from mine)) as transcripts,
    (select count(*) from quotes) as quotes,
    (select count(*) from job_stories where interview_id in (select id from mine)) as stories,
    (select count(distinct insight_id) from insight_evidence where highlight_id in (select id from quotes)) as insights,
    (select count(distinct card_id) from board_card_evidence where highlight_id in (select id from quotes)) as boardCards,
    (select min(at) from (select created_at as at from participants where id = @id
                          union all select created_at from mine)) as heldSince`

type Counts = Omit<ForgetImpact, 'name' | 'olderBackups'>

function counts(ctx: ServiceContext, id: string): Counts {
  return ctx.sqlite.prepare(IMPACT_SQL).get({ id }) as Counts
}

const olderBackups = (backups: LibraryBackups | undefined, heldSince: string, until: string) =>
  backups
    ? backupsHolding(backups, { heldSince, erasedAt: until }).map(({ fileName, path, takenAt }) => ({
        fileName,
        path,
        takenAt,
      }))
    : []

/** What forgetting would erase, and which of this library's backups made until now hold the person too. */
export function participantForgetImpact(ctx: ServiceContext, id: string): ForgetImpact {
  const p = getParticipant(ctx, id)
  const c = counts(ctx, id)
  return { name: p.name, ...c, olderBackups: olderBackups(ctx.backups, c.heldSince, nowIso(ctx)) }
}

/**
 * Erases the participant in one transaction with secure_delete on (freed bytes are zeroed), records the
 * erasure beside the library's backups, deletes the older backups only when asked, then compacts the file
 * (db/compact.ts) so no earlier copy of their words stays in free space, an index segment or the WAL. No
 * backup runs meanwhile: it would be named before the erasure and hold its result, or copy a file mid-VACUUM.
 */
export async function forgetParticipant(
  ctx: ServiceContext,
  input: { id: string; confirmName: string; deleteOlderBackups: boolean },
): Promise<ForgetResult> {
  const p = getParticipant(ctx, input.id)
  if (nameKey(input.confirmName) !== nameKey(p.name))
    throw new AppError(
      'VALIDATION',
      `Type the participant's name, "${p.name}", to confirm; nothing was erased.`,
      ['confirmName: does not match the name'],
    )
  const job = () => erase(ctx, input)
  return ctx.backups ? ctx.backups.holding(job) : job()
}

async function erase(
  ctx: ServiceContext,
  input: { id: string; deleteOlderBackups: boolean },
): Promise<ForgetResult> {
  const { backups } = ctx
  const c = counts(ctx, input.id)
  const erasedAt = nowIso(ctx)
  const before = ctx.sqlite.pragma('secure_delete', { simple: true }) as number
  ctx.sqlite.pragma('secure_delete = ON')
  try {
    ctx.sqlite.transaction(() => {
      const ids = ctx.sqlite
        .prepare('select id from interviews where participant_id = ?')
        .pluck()
        .all(input.id) as string[]
      for (const id of ids) deleteInterview(ctx, id)
      deleteParticipant(ctx, input.id)
    })()
    // Recorded once the rows are gone and before the long compaction: a crash during it keeps the record.
    const erasure = { erasedAt, heldSince: c.heldSince }
    backups?.recordErasure(erasure)
    const older = olderBackups(backups, c.heldSince, erasedAt)
    const removed = input.deleteOlderBackups && backups ? deleteBackups(older) : { deleted: [], failed: [] }
    const compacted = await compactLibrary(ctx.sqlite)
    return {
      erasedAt,
      interviews: c.interviews,
      notes: c.notes,
      quotes: c.quotes,
      deletedBackups: removed.deleted,
      keptBackups: older.map((b) => b.fileName).filter((f) => !removed.deleted.includes(f)),
      compacted: compacted.ok,
      ...(compacted.ok ? {} : { problem: compacted.problem }),
    }
  } finally {
    ctx.sqlite.pragma(`secure_delete = ${before}`)
  }
}
