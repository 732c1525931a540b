import { z } from 'zod'
import { IdSchema, IsoDateSchema, LongTextSchema, NameSchema, SegmentSchema, updateFields } from './common'
import { MetricsSummarySchema } from './study'

export const COMPANY_STATUSES = ['active', 'churned'] as const
export const CompanyStatusSchema = z.enum(COMPANY_STATUSES)
export type CompanyStatus = z.infer<typeof CompanyStatusSchema>
export const CHURN_TYPES = ['voluntary', 'involuntary'] as const
export const ChurnTypeSchema = z.enum(CHURN_TYPES)
export type ChurnType = z.infer<typeof ChurnTypeSchema>
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code such as USD or EUR')

const CompanyFields = z.object({
  name: NameSchema,
  segment: SegmentSchema.nullable().default(null),
  plan: z.string().trim().max(200).default(''),
  /** MRR in minor units (cents): integers keep sums exact. */
  mrrMinor: z.number().int().min(0, 'MRR cannot be negative').max(1e13).default(0),
  currency: CurrencySchema.default('USD'),
  customerSince: IsoDateSchema.nullable().default(null),
  status: CompanyStatusSchema.default('active'),
  churnedOn: IsoDateSchema.nullable().default(null),
  churnType: ChurnTypeSchema.nullable().default(null),
  notes: LongTextSchema.default(''),
})

function checkChurnFields(
  c: { status?: string; churnedOn?: string | null; churnType?: string | null; customerSince?: string | null },
  ctx: z.RefinementCtx,
) {
  if (c.status === 'active' && (c.churnedOn || c.churnType))
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: 'An active company cannot have a churn date or churn type',
    })
  if (c.churnedOn && c.customerSince && c.churnedOn < c.customerSince)
    ctx.addIssue({
      code: 'custom',
      path: ['churnedOn'],
      message: 'Churned on must not be before customer since',
    })
}

export const CompanyInputSchema = CompanyFields.superRefine(checkChurnFields)
export type CompanyInput = z.input<typeof CompanyInputSchema>
export const CompanyUpdateSchema = updateFields(CompanyFields).extend({ id: IdSchema })

export const CompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  segment: SegmentSchema.nullable(),
  plan: z.string(),
  mrrMinor: z.number().int(),
  currency: z.string(),
  customerSince: z.string().nullable(),
  status: CompanyStatusSchema,
  churnedOn: z.string().nullable(),
  churnType: ChurnTypeSchema.nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Company = z.infer<typeof CompanySchema>

export const CompanySummarySchema = CompanySchema.extend({
  participantCount: z.number().int(),
  interviewCount: z.number().int(),
})
export type CompanySummary = z.infer<typeof CompanySummarySchema>

export const CompanyDetailSchema = CompanySummarySchema.extend({
  metrics: MetricsSummarySchema,
  earlyChurn: z.boolean().nullable(),
})
export type CompanyDetail = z.infer<typeof CompanyDetailSchema>

export const SegmentSharesSchema = z.object({
  totalMrrMinor: z.number().int(),
  currencies: z.array(z.string()),
  segments: z.array(
    z.object({
      segment: z.union([SegmentSchema, z.literal('unsegmented')]),
      companies: z.number().int(),
      mrrMinor: z.number().int(),
      sharePct: z.number(),
    }),
  ),
  abSharePct: z.number(),
  expectedAbSharePct: z.number(),
})
export type SegmentShares = z.infer<typeof SegmentSharesSchema>

export const ParticipantInputSchema = z.object({
  name: NameSchema,
  role: z.string().trim().max(200).default(''),
  companyId: IdSchema.nullable().default(null),
  email: z.union([z.literal(''), z.string().trim().email('Not a valid e-mail address').max(320)]).default(''),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[0-9+()\-.\s]*$/, 'A phone number may contain digits, spaces and + ( ) - . only')
    .default(''),
  consentToRecord: z.boolean().default(false),
})
export type ParticipantInput = z.input<typeof ParticipantInputSchema>
export const ParticipantUpdateSchema = updateFields(ParticipantInputSchema).extend({ id: IdSchema })

export const ParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  companySegment: SegmentSchema.nullable(),
  email: z.string(),
  phone: z.string(),
  consentToRecord: z.boolean(),
  interviewCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Participant = z.infer<typeof ParticipantSchema>
