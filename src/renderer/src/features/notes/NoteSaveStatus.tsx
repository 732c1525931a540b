import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { ApiError } from '../../lib/api'
import type { KeyStatus, SaveState } from '../../lib/autosave'

export const noteKey = (questionId: string) => `note:${questionId}`

/** Why the library refused a note, in the user's language. */
function refusalText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'TOO_LARGE' && error.params) {
    const size = Number(error.params['size'])
    const limit = Number(error.params['limit'])
    return t(error.params['what'] === 'doc' ? 'notes.tooMuchFormatting' : 'notes.tooLong', { size, limit })
  }
  return t('notes.refused', { message: error instanceof Error ? error.message : String(error) })
}

const isTooLarge = (error: unknown) => error instanceof ApiError && error.code === 'TOO_LARGE'

interface Props {
  status: KeyStatus
  /** Whether the note holds a paste that can be moved out on its own (else the whole note moves). */
  hasPaste: () => boolean
  /** Creates a transcript from the text and takes it out of the note; resolves with the transcript's title. */
  onMove: () => Promise<string>
  onOpenTranscripts: () => void
}

/**
 * The save state of the question on screen, beside its notes: another question's failure is never shown
 * here. A refusal says why at once and offers what to do; a note too long to be notes offers Transcripts.
 */
export function NoteSaveStatus({ status, hasPaste, onMove, onOpenTranscripts }: Props) {
  const { t } = useTranslation()
  const [moving, setMoving] = useState(false)
  const [moveError, setMoveError] = useState<unknown>(null)
  const [moved, setMoved] = useState<string | null>(null)

  const move = async () => {
    setMoving(true)
    setMoveError(null)
    try {
      setMoved(await onMove())
    } catch (err) {
      setMoveError(err)
    } finally {
      setMoving(false)
    }
  }

  if (status.state === 'refused')
    return (
      <div className="note-refused" role="alert" data-testid="note-refused">
        <p>
          <strong>{t('notes.refusedTitle')}</strong> {refusalText(t, status.error)}
        </p>
        {isTooLarge(status.error) && (
          <>
            <p className="hint">{t('notes.transcriptHint')}</p>
            <button type="button" disabled={moving} onClick={() => void move()}>
              {moving ? t('notes.moving') : hasPaste() ? t('notes.movePasted') : t('notes.moveAll')}
            </button>
          </>
        )}
        <ErrorNote error={moveError} />
      </div>
    )
  return (
    <div className="note-save-line">
      <p
        className={`note-save-state save-${status.state}`}
        role="status"
        aria-live="polite"
        data-testid="note-save-state"
      >
        {t(`notes.state.${status.state}`)}
      </p>
      {moved && (
        <p className="hint" role="status">
          {t('notes.moved', { title: moved })}{' '}
          <button type="button" className="secondary" onClick={onOpenTranscripts}>
            {t('notes.openTranscripts')}
          </button>
        </p>
      )}
    </div>
  )
}

/**
 * The header's one-line summary of every save on the screen. A failure names the questions whose notes it
 * concerns, so it never reads as the failure of the question on screen.
 */
export function saveSummary(
  t: TFunction,
  status: SaveState,
  keys: ReadonlyMap<string, KeyStatus>,
  questionNumber: (questionId: string) => number | undefined,
): string {
  if (status !== 'error' && status !== 'refused') return t(`interviews.save.${status}`)
  const numbers = [...keys]
    .filter(([key, s]) => key.startsWith('note:') && s.state === status)
    .map(([key]) => questionNumber(key.slice('note:'.length)))
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b)
  const list = numbers.map((n) => t('notes.q', { n })).join(', ')
  if (status === 'error') return numbers.length ? t('notes.header.errorIn', { list }) : t('interviews.save.error')
  return numbers.length ? t('notes.header.refusedIn', { list }) : t('notes.header.refused')
}
