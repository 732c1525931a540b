import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useWrite } from '../../lib/queries'

interface Paragraph {
  attrs?: { speaker?: unknown }
}

/** Each named speaker with how many turns they have, in the order they first speak. */
function speakerTurns(doc: Record<string, unknown>): { name: string; turns: number }[] {
  const counts = new Map<string, number>()
  for (const p of (doc['content'] as Paragraph[] | undefined) ?? []) {
    const s = p.attrs?.speaker
    if (typeof s === 'string' && s) counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  return [...counts].map(([name, turns]) => ({ name, turns }))
}

function SpeakerRow({
  transcriptId,
  name,
  turns,
  others,
}: {
  transcriptId: string
  name: string
  turns: number
  others: string[]
}) {
  const { t } = useTranslation()
  const write = useWrite()
  const [value, setValue] = useState(name)
  const [error, setError] = useState<unknown>(null)
  const to = value.trim()
  const mergeInto = others.find((o) => o === to)
  const submit = () => {
    setError(null)
    void write('transcripts:renameSpeaker', { id: transcriptId, from: name, to }).catch(setError)
  }
  return (
    <li className="speaker-row">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (to && to !== name) submit()
        }}
      >
        <input
          value={value}
          maxLength={80}
          aria-label={t('highlights.transcripts.speakers.nameLabel', { name })}
          onChange={(e) => setValue(e.target.value)}
        />{' '}
        <span className="item-meta">{t('highlights.transcripts.speakers.turns', { count: turns })}</span>{' '}
        <button type="submit" className="secondary" disabled={!to || to === name}>
          {mergeInto
            ? t('highlights.transcripts.speakers.merge', { name: mergeInto })
            : t('highlights.transcripts.speakers.rename')}
        </button>
      </form>
      <ErrorNote error={error} />
    </li>
  )
}

/**
 * Rename and merge a transcript's speakers after import ("Speaker 1" → the participant's name; two labels
 * the tool gave one person → one). The list follows the saved transcript, so a merged row disappears.
 */
export function SpeakersDialog({
  transcriptId,
  title,
  doc,
  onClose,
}: {
  transcriptId: string
  title: string
  doc: Record<string, unknown>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const speakers = useMemo(() => speakerTurns(doc), [doc])
  return (
    <Modal title={t('highlights.transcripts.speakers.title', { title })} onClose={onClose}>
      <p className="hint">{t('highlights.transcripts.speakers.hint')}</p>
      {speakers.length === 0 ? (
        <p>{t('highlights.transcripts.speakers.none')}</p>
      ) : (
        <ul className="speaker-list">
          {speakers.map((s) => (
            <SpeakerRow
              key={s.name}
              transcriptId={transcriptId}
              name={s.name}
              turns={s.turns}
              others={speakers.map((o) => o.name).filter((o) => o !== s.name)}
            />
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('highlights.transcripts.speakers.done')}
        </button>
      </div>
    </Modal>
  )
}
