import type { z } from 'zod'
import type { ChannelSpec } from '../channel-spec'
import { appContract } from './app'
import { backupsContract } from './backups'
import { boardsContract } from './boards'
import { churnContract } from './churn'
import { companiesContract } from './companies'
import { evidenceContract } from './evidence'
import { exchangeContract } from './exchange'
import { forcesContract } from './forces'
import { highlightsContract } from './highlights'
import { importsContract } from './imports'
import { insightsContract } from './insights'
import { interviewsContract } from './interviews'
import { libraryContract } from './library'
import { matrixContract } from './matrix'
import { notesContract } from './notes'
import { participantsContract } from './participants'
import { reportsContract } from './reports'
import { scriptsContract } from './scripts'
import { searchContract } from './search'
import { storiesContract } from './stories'
import { studiesContract } from './studies'
import { tagsContract } from './tags'
import { transcriptsContract } from './transcripts'

/**
 * Every channel the renderer may call, named domain:action, one file per domain. The main handler table, the
 * renderer client and (through the generated channel-names.ts) the preload allowlist all derive from it.
 */
export const contract = {
  ...appContract,
  ...libraryContract,
  ...backupsContract,
  ...studiesContract,
  ...companiesContract,
  ...participantsContract,
  ...scriptsContract,
  ...interviewsContract,
  ...notesContract,
  ...transcriptsContract,
  ...tagsContract,
  ...highlightsContract,
  ...evidenceContract,
  ...searchContract,
  ...churnContract,
  ...forcesContract,
  ...matrixContract,
  ...storiesContract,
  ...importsContract,
  ...boardsContract,
  ...insightsContract,
  ...reportsContract,
  ...exchangeContract,
} as const satisfies Record<string, ChannelSpec>

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>
export const CHANNELS = Object.keys(contract) as Channel[]
/** Channels that change the library or the app; each names in the contract the read domains it affects. */
export type WriteChannel = { [C in Channel]: Contract[C] extends { kind: 'write' } ? C : never }[Channel]
export type ReadChannel = Exclude<Channel, WriteChannel>

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

export { LibraryInfoSchema, FolderListingSchema, type LibraryInfo, type FolderListing } from './library'
