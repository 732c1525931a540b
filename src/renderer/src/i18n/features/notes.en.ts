/** English strings of a question's notes and their saving, under the 'notes' key. */
export const notesEn = {
  state: {
    saved: 'Notes saved',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    error: 'Not saved yet — retrying',
  },
  refusedTitle: 'These notes cannot be saved.',
  tooLong:
    'They have {{size, number}} characters; one question’s notes hold at most {{limit, number}} (about 40,000 words). The text stays here, unsaved, until the note is shorter.',
  tooMuchFormatting:
    'Their formatting takes {{size, number}} characters of storage; one question’s notes may take at most {{limit, number}}. The text stays here, unsaved, until the note is smaller.',
  refused: 'The library refused them: {{message}} The text stays here, unsaved.',
  transcriptHint: 'A pasted transcript belongs in Transcripts, where it can be read by speaker and tagged.',
  movePasted: 'Move the pasted text to Transcripts',
  moveAll: 'Move these notes to Transcripts',
  moving: 'Moving to Transcripts…',
  moved: 'Moved to this interview’s transcripts as “{{title}}”.',
  openTranscripts: 'Open Transcripts',
  movedTitle: 'Pasted into the notes of Q{{n}}',
  q: 'Q{{n}}',
  outline: {
    hasNotes: 'has notes',
    unsaved: 'notes not saved yet',
    refused: 'notes cannot be saved',
  },
  header: {
    errorIn: 'Not saved yet — retrying: notes of {{list}}',
    refusedIn: 'Notes of {{list}} cannot be saved',
    refused: 'Some changes cannot be saved',
  },
}
