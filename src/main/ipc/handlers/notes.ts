import type { notesContract } from '../../../shared/ipc/contracts/notes'
import type { HandlersFor } from '../handler-types'
import * as notes from '../../services/notes'

export const notesHandlers: HandlersFor<keyof typeof notesContract> = {
  'notes:list': (ctx, i) => notes.listNotes(ctx, i),
  'notes:save': (ctx, i) => notes.saveNote(ctx, i),
}
