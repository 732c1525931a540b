/**
 * Channel names alone, without their schemas, so the sandboxed preload can hold its allowlist without
 * bundling zod. test/main/contract.test.ts proves this list, the contract and the handler table agree.
 */
import { ANALYSIS_CHANNELS } from './channels/analysis'
import { CODEBOOK_CHANNELS } from './channels/codebook'
import { EVIDENCE_CHANNELS } from './channels/evidence'
import { HIGHLIGHTS_CHANNELS } from './channels/highlights'

export const CHANNEL_NAMES = [
  'app:info',
  'app:setLanguage',
  'library:current',
  'library:open',
  'library:create',
  'library:recent',
  'library:choose',
  'library:browse',
  'studies:list',
  'studies:get',
  'studies:create',
  'studies:update',
  'studies:deleteImpact',
  'studies:delete',
  'companies:list',
  'companies:get',
  'companies:create',
  'companies:update',
  'companies:deleteImpact',
  'companies:delete',
  'companies:segmentShares',
  'participants:list',
  'participants:get',
  'participants:create',
  'participants:update',
  'participants:deleteImpact',
  'participants:delete',
  'scripts:list',
  'scripts:get',
  'scripts:duplicate',
  'scripts:update',
  'scripts:deleteImpact',
  'scripts:delete',
  'interviews:list',
  'interviews:get',
  'interviews:create',
  'interviews:update',
  'interviews:timer',
  'interviews:deleteImpact',
  'interviews:delete',
  'notes:list',
  'notes:save',
  ...CODEBOOK_CHANNELS,
  ...HIGHLIGHTS_CHANNELS,
  ...EVIDENCE_CHANNELS,
  ...ANALYSIS_CHANNELS,
] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]
