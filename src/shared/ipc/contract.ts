import { z } from 'zod'
import { ByIdSchema, DeleteImpactSchema, LanguageSchema, SearchSchema } from '../domain/common'
import {
  CompanyDetailSchema,
  CompanyInputSchema,
  CompanySchema,
  CompanySummarySchema,
  CompanyUpdateSchema,
  ParticipantInputSchema,
  ParticipantSchema,
  ParticipantUpdateSchema,
  SegmentSharesSchema,
} from '../domain/company'
import {
  InterviewCreateSchema,
  InterviewDetailSchema,
  InterviewListInputSchema,
  InterviewSchema,
  InterviewUpdateSchema,
  NoteSaveSchema,
  NoteSchema,
  TimerActionSchema,
} from '../domain/interview'
import { InterviewMethodSchema, ScriptBodySchema, ScriptSchema, ScriptSummarySchema } from '../domain/script'
import { channel, exclusiveChannel, OkSchema as Ok, shellChannel } from './channel-spec'
import { analysisContract } from './contracts/analysis'
import { codebookContract } from './contracts/codebook'
import { evidenceContract } from './contracts/evidence'
import { highlightsContract } from './contracts/highlights'
import {
  StudyDetailSchema,
  StudyInputSchema,
  StudySchema,
  StudySummarySchema,
  StudyUpdateSchema,
} from '../domain/study'

const PathSchema = z
  .string()
  .trim()
  .min(1, 'Choose a file')
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'A path cannot contain NUL')

export const LibraryInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  backupPath: z.string().nullable(),
})
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>

/** One folder as the browser-mode library picker shows it: sub-folders and .fieldnote files only. */
export const FolderListingSchema = z.object({
  dir: z.string(),
  parent: z.string().nullable(),
  home: z.string(),
  separator: z.enum(['/', '\\']),
  entries: z.array(z.object({ name: z.string(), path: z.string(), kind: z.enum(['folder', 'library']) })),
  truncated: z.boolean(),
})
export type FolderListing = z.infer<typeof FolderListingSchema>

/**
 * Every channel the renderer may call, named domain:action. The preload allowlist, the main handler table
 * and the renderer client all derive from this object (test/main/contract.test.ts proves they agree).
 */
export const contract = {
  'app:info': shellChannel(
    z.undefined().optional(),
    z.object({
      version: z.string(),
      shell: z.enum(['electron', 'web']),
      canChooseFiles: z.boolean(),
      defaultLibraryPath: z.string(),
      startupError: z
        .object({
          code: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.string()).optional(),
        })
        .nullable(),
    }),
  ),
  'app:setLanguage': shellChannel(z.object({ language: LanguageSchema }), Ok),
  'library:current': shellChannel(z.undefined().optional(), LibraryInfoSchema.nullable()),
  'library:open': exclusiveChannel(z.object({ path: PathSchema }), LibraryInfoSchema),
  'library:create': exclusiveChannel(z.object({ path: PathSchema }), LibraryInfoSchema),
  'library:recent': shellChannel(
    z.undefined().optional(),
    z.array(z.object({ path: z.string(), exists: z.boolean() })),
  ),
  'library:choose': shellChannel(
    z.object({ mode: z.enum(['open', 'create']) }),
    z.object({ path: z.string().nullable() }),
  ),
  // Browser mode only (the desktop app has the system dialog): where library:choose cannot be.
  'library:browse': shellChannel(z.object({ dir: PathSchema.optional() }), FolderListingSchema),

  'studies:list': channel(SearchSchema, z.array(StudySummarySchema)),
  'studies:get': channel(ByIdSchema, StudyDetailSchema),
  'studies:create': channel(StudyInputSchema, StudySchema),
  'studies:update': channel(StudyUpdateSchema, StudySchema),
  'studies:deleteImpact': channel(ByIdSchema, DeleteImpactSchema),
  'studies:delete': channel(ByIdSchema, Ok),

  'companies:list': channel(SearchSchema, z.array(CompanySummarySchema)),
  'companies:get': channel(ByIdSchema, CompanyDetailSchema),
  'companies:create': channel(CompanyInputSchema, CompanySchema),
  'companies:update': channel(CompanyUpdateSchema, CompanySchema),
  'companies:deleteImpact': channel(ByIdSchema, DeleteImpactSchema),
  'companies:delete': channel(ByIdSchema, Ok),
  'companies:segmentShares': channel(z.undefined().optional(), SegmentSharesSchema),

  'participants:list': channel(
    z
      .object({ search: z.string().max(200).optional(), companyId: z.string().max(100).optional() })
      .optional(),
    z.array(ParticipantSchema),
  ),
  'participants:get': channel(ByIdSchema, ParticipantSchema),
  'participants:create': channel(ParticipantInputSchema, ParticipantSchema),
  'participants:update': channel(ParticipantUpdateSchema, ParticipantSchema),
  'participants:deleteImpact': channel(ByIdSchema, DeleteImpactSchema),
  'participants:delete': channel(ByIdSchema, Ok),

  'scripts:list': channel(
    z.object({ method: InterviewMethodSchema.optional(), language: LanguageSchema.optional() }).optional(),
    z.array(ScriptSummarySchema),
  ),
  'scripts:get': channel(ByIdSchema, ScriptSchema),
  'scripts:duplicate': channel(
    z.object({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(200).optional() }),
    ScriptSchema,
  ),
  'scripts:update': channel(
    z.object({
      id: z.string().min(1).max(100),
      name: z.string().trim().min(1, 'A name is required').max(200).optional(),
      description: z.string().max(4000).optional(),
      method: InterviewMethodSchema.optional(),
      body: ScriptBodySchema.optional(),
    }),
    ScriptSchema,
  ),
  'scripts:deleteImpact': channel(ByIdSchema, DeleteImpactSchema),
  'scripts:delete': channel(ByIdSchema, Ok),

  'interviews:list': channel(InterviewListInputSchema, z.array(InterviewSchema)),
  'interviews:get': channel(ByIdSchema, InterviewDetailSchema),
  'interviews:create': channel(InterviewCreateSchema, InterviewSchema),
  'interviews:update': channel(InterviewUpdateSchema, InterviewSchema),
  'interviews:timer': channel(TimerActionSchema, InterviewSchema),
  'interviews:deleteImpact': channel(ByIdSchema, DeleteImpactSchema),
  'interviews:delete': channel(ByIdSchema, Ok),

  'notes:list': channel(z.object({ interviewId: z.string().min(1).max(100) }), z.array(NoteSchema)),
  'notes:save': channel(NoteSaveSchema, NoteSchema),

  // Feature areas keep their channels in contracts/<area>.ts.
  ...codebookContract,
  ...highlightsContract,
  ...evidenceContract,
  ...analysisContract,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>
export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
