import type { DeleteImpact, Language } from '../../shared/domain/common'
import {
  ScriptBodySchema,
  type InterviewMethod,
  type Script,
  type ScriptBody,
  type ScriptSummary,
  type ScriptTemplate,
} from '../../shared/domain/script'
import { AppError } from '../../shared/ipc/errors'
import { BUILTIN_TEMPLATES, builtinScriptId, findBuiltinTemplate } from '../../shared/templates'
import { scripts } from '../db/schema'
import { nowIso, type ServiceContext } from '../db/context'
import { prepared, setClause } from '../db/prepared'
import { definedOnly, mustExist, type ScriptRow } from '../db/rows'

const BUILTIN_DATE = '2026-01-01T00:00:00.000Z'

function fromTemplate(t: ScriptTemplate): Script {
  return {
    id: builtinScriptId(t.key, t.language),
    name: t.name,
    description: t.description,
    method: t.method,
    language: t.language,
    builtin: true,
    body: t.body,
    createdAt: BUILTIN_DATE,
    updatedAt: BUILTIN_DATE,
  }
}

function fromRow(r: ScriptRow): Script {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    method: r.method,
    language: r.language,
    builtin: false,
    body: ScriptBodySchema.parse(JSON.parse(r.body)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function summarise(s: Script): ScriptSummary {
  const { body, ...rest } = s
  return {
    ...rest,
    sectionCount: body.sections.length,
    questionCount: body.sections.reduce((n, sec) => n + sec.questions.length, 0),
  }
}

export function listScripts(
  ctx: ServiceContext,
  input?: { method?: InterviewMethod; language?: Language },
): ScriptSummary[] {
  const user = (ctx.sqlite.prepare('select * from scripts').all() as ScriptRow[]).map(fromRow)
  const all = [...BUILTIN_TEMPLATES.map(fromTemplate), ...user.sort((a, b) => a.name.localeCompare(b.name))]
  return all
    .filter(
      (s) =>
        (!input?.method || s.method === input.method) && (!input?.language || s.language === input.language),
    )
    .map(summarise)
}

export function getScript(ctx: ServiceContext, id: string): Script {
  const builtin = findBuiltinTemplate(id)
  if (builtin) return fromTemplate(builtin)
  const row = prepared(ctx.sqlite, 'select * from scripts where id = ?').get(id) as ScriptRow | undefined
  return fromRow(mustExist(row, 'Script', id))
}

function assertEditable(ctx: ServiceContext, id: string): Script {
  const script = getScript(ctx, id)
  if (script.builtin)
    throw new AppError(
      'FORBIDDEN',
      `"${script.name}" is a built-in template and cannot be changed. Duplicate it to make your own version.`,
    )
  return script
}

/** A new user script; the one insert duplicates and generated scripts (a board's walk-through) share. */
export function createScript(
  ctx: ServiceContext,
  input: Pick<Script, 'name' | 'description' | 'method' | 'language' | 'body'>,
): Script {
  assertUniqueIds(input.body)
  const at = nowIso(ctx)
  const id = ctx.newId()
  ctx.sqlite
    .prepare(
      `insert into scripts (id, name, description, method, language, body, created_at, updated_at)
       values (@id, @name, @description, @method, @language, @body, @at, @at)`,
    )
    .run({
      id,
      name: input.name,
      description: input.description,
      method: input.method,
      language: input.language,
      body: JSON.stringify(input.body),
      at,
    })
  return getScript(ctx, id)
}

export function duplicateScript(ctx: ServiceContext, input: { id: string; name?: string }): Script {
  const source = getScript(ctx, input.id)
  return createScript(ctx, { ...source, name: input.name ?? `${source.name} (copy)` })
}

function assertUniqueIds(body: ScriptBody): void {
  const seen = new Set<string>()
  for (const id of body.sections.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)])) {
    if (seen.has(id))
      throw new AppError(
        'VALIDATION',
        `The id "${id}" is used twice in this script; every section and question needs its own id.`,
      )
    seen.add(id)
  }
}

export function updateScript(
  ctx: ServiceContext,
  input: { id: string; name?: string; description?: string; method?: InterviewMethod; body?: ScriptBody },
): Script {
  const { id, body, ...rest } = input
  assertEditable(ctx, id)
  if (body) assertUniqueIds(body)
  const set = setClause(scripts, {
    ...definedOnly(rest),
    ...(body ? { body: JSON.stringify(body) } : {}),
    updatedAt: nowIso(ctx),
  })
  ctx.sqlite.prepare(`update scripts set ${set.sql} where id = @id`).run({ ...set.params, id })
  return getScript(ctx, id)
}

export function scriptDeleteImpact(ctx: ServiceContext, id: string): DeleteImpact {
  const script = assertEditable(ctx, id)
  const n = ctx.sqlite.prepare('select count(*) as n from interviews where script_source_id = ?').get(id) as {
    n: number
  }
  // Interviews keep their own snapshot, so deleting a script never changes them; the count is for context.
  return { name: script.name, interviews: n.n, participants: 0, notes: 0 }
}

export function deleteScript(ctx: ServiceContext, id: string): { ok: true } {
  assertEditable(ctx, id)
  ctx.sqlite.prepare('delete from scripts where id = ?').run(id)
  return { ok: true }
}
