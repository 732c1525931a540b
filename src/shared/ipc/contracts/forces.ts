import { z } from 'zod'
import { CountSchema as Count, IdSchema, StudyScopeSchema as ScopeSchema } from '../../domain/common'
import { read } from '../channel-spec'
import { EvidencePlaceShape } from './evidence'

const ForceQuoteSchema = z.object({
  highlightId: z.string(),
  quote: z.string(),
  participantName: z.string().nullable(),
  ...EvidencePlaceShape,
  tagName: z.string(),
})
const ForceSchema = z.object({
  force: z.enum(['push', 'pull', 'anxiety', 'habit']),
  participants: Count,
  highlights: Count,
  quotes: z.array(ForceQuoteSchema),
})

const TimelineItemSchema = z.object({
  highlightId: z.string(),
  quote: z.string(),
  phaseTagId: z.string(),
  phaseName: z.string(),
  phaseKey: z.string().nullable(),
  /** Elapsed interview time of the note the highlight is in, when stamped. */
  elapsedMs: Count.nullable(),
})

export const forcesContract = {
  'forces:summary': read(ScopeSchema, z.array(ForceSchema)),
  'forces:timeline': read(z.object({ interviewId: IdSchema }), z.array(TimelineItemSchema)),
} as const
