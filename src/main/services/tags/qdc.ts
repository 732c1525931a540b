import type { TagKind } from '../../../shared/domain/tag'
import { AppError } from '../../../shared/ipc/errors'
import {
  buildQdc,
  guidForTagId,
  isUuid,
  parseQdcFile,
  QdcError,
  type QdcCode,
} from '../../../shared/taxonomy/qdc'
import { nowIso, type ServiceContext } from '../../db/context'
import { insertTag } from './edit'
import { listTags } from './list'
import { addAlias, tagRecord } from './rows'
import { assertNoCycle, nextPosition } from './tree'

/** Refuses (NOT_FOUND, with a sentence for the user) when there is no tag: REFI-QDA needs at least one code. */
export function exportQdc(ctx: ServiceContext): { xml: string; fileName: string } {
  const day = nowIso(ctx).slice(0, 10)
  try {
    return { xml: buildQdc(listTags(ctx)), fileName: `Fieldnote codebook ${day}.qdc` }
  } catch (err) {
    if (err instanceof QdcError) throw new AppError('NOT_FOUND', err.message)
    throw err
  }
}

interface Live {
  id: string
  parentId: string | null
  name: string
  code: string | null
  color: string
  description: string
  kind: TagKind
  ownerTeam: string
  prevention: string
  semanticKey: string | null
  emotionScore: number | null
}

/**
 * Imports a .qdc codebook into the open library (see mergeCodes). Code groups (<Sets>) have no Fieldnote
 * counterpart, so their names come back in the result for the person to see, never dropped silently.
 */
export function importQdc(
  ctx: ServiceContext,
  input: { xml: string },
): { created: number; updated: number; skipped: number; codeGroups: string[] } {
  let file: ReturnType<typeof parseQdcFile>
  try {
    file = parseQdcFile(input.xml)
  } catch (err) {
    if (err instanceof QdcError) throw new AppError('VALIDATION', err.message)
    throw err
  }
  if (file.codes.length === 0)
    throw new AppError('VALIDATION', 'This codebook holds no codes, so there is nothing to import.')
  const { counts } = mergeCodes(ctx, file.codes)
  return { ...counts, codeGroups: file.sets }
}

/**
 * Merges a tree of REFI-QDA codes into the codebook. Each code matches an existing live tag by GUID, then
 * by code, then by name under the same parent, and updates it; otherwise a tag is created (with the GUID as
 * its id when that is a free UUID). Runs inside the caller's transaction: any refusal leaves the library as
 * it was. Returns which tag each GUID became, for the project import's codings.
 */
export function mergeCodes(
  ctx: ServiceContext,
  codes: readonly QdcCode[],
): { counts: { created: number; updated: number; skipped: number }; tagOfGuid: Map<string, string> } {
  const tagOfGuid = new Map<string, string>()
  const live = ctx.sqlite
    .prepare(
      `select id, parent_id as parentId, name, code, color, description, kind, owner_team as ownerTeam, prevention,
              semantic_key as semanticKey, emotion_score as emotionScore from tags where deleted_at is null`,
    )
    .all() as Live[]
  const byGuid = new Map(live.map((t) => [guidForTagId(t.id), t]))
  const byCode = new Map(live.filter((t) => t.code).map((t) => [t.code ?? '', t]))
  const used = new Set<string>()
  const counts = { created: 0, updated: 0, skipped: 0 }
  const seenGuids = new Set<string>()

  const findByName = (name: string, parentId: string | null) =>
    live.find(
      (t) =>
        !used.has(t.id) && t.parentId === parentId && t.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
    )

  const apply = (code: QdcCode, parentId: string | null, parentKind: TagKind | null): void => {
    const guid = code.guid?.toLowerCase() ?? null
    if (guid) {
      if (seenGuids.has(guid))
        throw new AppError(
          'VALIDATION',
          `The codebook lists the GUID ${guid} twice (code “${code.name}”); each code needs its own.`,
        )
      seenGuids.add(guid)
    }
    const candidate =
      (guid ? byGuid.get(guid) : undefined) ??
      (code.code ? byCode.get(code.code) : undefined) ??
      findByName(code.name, parentId)
    const match = candidate && !used.has(candidate.id) ? candidate : undefined
    let id: string
    if (match) {
      used.add(match.id)
      id = match.id
      if (code.code && code.code !== match.code) {
        const clash = byCode.get(code.code)
        if (clash && clash.id !== match.id)
          throw new AppError(
            'CONFLICT',
            `The code ${code.code} of “${code.name}” is already used by the tag “${clash.name}”. Nothing was imported.`,
          )
      }
      const next = {
        parentId,
        name: code.name,
        color: code.color ?? match.color,
        description: code.description,
        kind: code.kind ?? match.kind,
        code: code.code ?? match.code,
        ownerTeam: code.ownerTeam || match.ownerTeam,
        prevention: code.prevention || match.prevention,
        semanticKey: code.semanticKey ?? match.semanticKey,
        emotionScore: code.emotionScore ?? match.emotionScore,
      }
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== match[k])
      if (changed) {
        if (match.parentId !== parentId) assertNoCycle(ctx, match.id, parentId)
        if (match.name !== next.name) addAlias(ctx, match.id, match.name, null)
        ctx.sqlite
          .prepare(
            `update tags set parent_id = ?, name = ?, color = ?, description = ?, kind = ?, code = ?, owner_team = ?, prevention = ?,
                    semantic_key = ?, emotion_score = ?, position = case when parent_id is ? then position else ? end, updated_at = ? where id = ?`,
          )
          .run(
            parentId,
            next.name,
            next.color,
            next.description,
            next.kind,
            next.code,
            next.ownerTeam,
            next.prevention,
            next.semanticKey,
            next.emotionScore,
            parentId,
            nextPosition(ctx, parentId),
            nowIso(ctx),
            match.id,
          )
        if (next.code) byCode.set(next.code, { ...match, ...next })
        counts.updated++
      } else counts.skipped++
    } else {
      if (code.code && byCode.has(code.code))
        throw new AppError(
          'CONFLICT',
          `The code ${code.code} of “${code.name}” is already used by the tag “${byCode.get(code.code)?.name ?? ''}”. Nothing was imported.`,
        )
      const freeGuid = guid && isUuid(guid) && !tagRecord(ctx, guid) ? guid : undefined
      id = insertTag(ctx, {
        ...(freeGuid ? { id: freeGuid } : {}),
        name: code.name,
        parentId,
        kind: code.kind ?? parentKind ?? 'theme',
        code: code.code,
        color: code.color ?? undefined,
        description: code.description,
        ownerTeam: code.ownerTeam,
        prevention: code.prevention,
        semanticKey: code.semanticKey,
        emotionScore: code.emotionScore,
      })
      used.add(id)
      if (code.code) byCode.set(code.code, { id, parentId, name: code.name, code: code.code } as Live)
      counts.created++
    }
    if (guid) tagOfGuid.set(guid, id)
    const kind = tagRecord(ctx, id)?.kind ?? 'theme'
    for (const child of code.children) apply(child, id, kind)
  }

  for (const code of codes) apply(code, null, null)
  return { counts, tagOfGuid }
}
