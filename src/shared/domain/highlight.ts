import { z } from 'zod'
import { TEXT_ENCODINGS } from '../text/decode-bytes'
import { IdSchema } from './common'

export const HighlightSourceSchema = z.enum(['note', 'transcript', 'survey'])
export type HighlightSource = z.infer<typeof HighlightSourceSchema>

export const EmotionScoreSchema = z.number().int().min(-2, 'Emotion is −2 … +2').max(2, 'Emotion is −2 … +2')

/**
 * A tagged passage. Offsets are Unicode code points into the source's plain text (REFI-QDA style).
 * Note highlights are derived from the note's tiptap marks on every notes:save (the mark carries the id);
 * transcript and survey highlights are created directly.
 */
export const HighlightSchema = z.object({
  id: z.string(),
  interviewId: z.string().nullable(),
  source: HighlightSourceSchema,
  noteId: z.string().nullable(),
  questionId: z.string().nullable(),
  transcriptId: z.string().nullable(),
  surveyResponseId: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  memo: z.string(),
  emotion: z.number().int().nullable(),
  tagIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Highlight = z.infer<typeof HighlightSchema>

export const HighlightCreateSchema = z
  .object({
    source: z.discriminatedUnion('type', [
      z.object({ type: z.literal('transcript'), transcriptId: IdSchema }),
      z.object({ type: z.literal('survey'), responseId: IdSchema }),
    ]),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    tagIds: z.array(IdSchema).max(50).default([]),
    memo: z.string().max(4000).default(''),
    emotion: EmotionScoreSchema.nullable().default(null),
  })
  .refine((h) => h.end > h.start, { message: 'A highlight must cover at least one character', path: ['end'] })

export const TRANSCRIPT_FORMATS = ['txt', 'vtt', 'srt', 'docx', 'zoom', 'teams', 'otter'] as const
export const TranscriptFormatSchema = z.enum(TRANSCRIPT_FORMATS)

export const TranscriptSummarySchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  title: z.string(),
  sourceName: z.string(),
  sourceFormat: TranscriptFormatSchema,
  segmentCount: z.number().int(),
  speakers: z.array(z.string()),
  characters: z.number().int(),
  createdAt: z.string(),
})
export type TranscriptSummary = z.infer<typeof TranscriptSummarySchema>

/** What an import says of each file: the format it was read as and the encoding its text was converted from. */
export const TranscriptImportReportSchema = z.object({
  name: z.string(),
  format: TranscriptFormatSchema,
  /** Null for a Word document, whose text has no encoding of its own to report. */
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
})
export type TranscriptImportReport = z.infer<typeof TranscriptImportReportSchema>

/** A speaker's name as a transcript stores it (after import, or renamed by the person). */
export const SpeakerNameSchema = z.string().trim().min(1).max(80)

export const TranscriptSchema = TranscriptSummarySchema.extend({
  doc: z.record(z.string(), z.unknown()),
  plainText: z.string(),
})
export type Transcript = z.infer<typeof TranscriptSchema>

/** Transcript files as the renderer read them: text files as text, .docx as base64. */
export const TranscriptFileSchema = z.object({
  name: z.string().trim().min(1).max(300),
  text: z.string().max(20_000_000).optional(),
  base64: z.string().max(28_000_000).optional(),
})
