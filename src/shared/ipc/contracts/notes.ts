import { z } from 'zod'
import { NoteSaveSchema, NoteSchema } from '../../domain/interview'
import { read, write } from '../channel-spec'
import { QUOTE_READS, TAGGING_READS } from '../domains'

export const notesContract = {
  'notes:list': read(z.object({ interviewId: z.string().min(1).max(100) }), z.array(NoteSchema)),
  'notes:save': write(NoteSaveSchema, NoteSchema, [...TAGGING_READS, ...QUOTE_READS, 'notes']),
} as const
