import { z } from 'zod'
import { NoteSaveSchema, NoteSchema } from '../../domain/interview'
import { read, write } from '../channel-spec'

export const notesContract = {
  'notes:list': read(z.object({ interviewId: z.string().min(1).max(100) }), z.array(NoteSchema)),
  'notes:save': write(NoteSaveSchema, NoteSchema, [
    'notes',
    'tags',
    'highlights',
    'evidence',
    'search',
    'churn',
    'forces',
    'matrix',
    'boards',
  ]),
} as const
