import { useTranslation } from 'react-i18next'
import type { ScriptSection } from '../../../../shared/domain/script'
import type { KeyStatus } from '../../lib/autosave'
import { noteKey } from '../notes/NoteSaveStatus'
import type { RunnerQuestion } from './useQuestionNavigation'

/** The outline's mark for a question: unsaved or refused text first, "has notes" only for saved notes. */
function outlineMark(
  state: string | undefined,
  savedWithText: boolean,
): 'refused' | 'unsaved' | 'hasNotes' | null {
  if (state === 'refused') return 'refused'
  if (state === 'pending' || state === 'saving' || state === 'error') return 'unsaved'
  return savedWithText ? 'hasNotes' : null
}

interface Props {
  sections: readonly ScriptSection[]
  questions: readonly RunnerQuestion[]
  /** The question on screen. */
  index: number
  /** Save status per autosave key. */
  keys: ReadonlyMap<string, KeyStatus>
  /** Questions whose notes in the library have text. */
  noted: ReadonlySet<string>
  onGo: (index: number) => void
}

/** Every question of the script by section, marked with the state of its notes; a click opens it. */
export function QuestionOutline({ sections, questions, index, keys, noted, onGo }: Props) {
  const { t } = useTranslation()
  return (
    <nav className="outline" aria-label={t('interviews.outline')}>
      {sections.map((s) => (
        <div key={s.id} className="outline-section">
          <h2>{s.title}</h2>
          <ol>
            {s.questions.map((q) => {
              const i = questions.findIndex((x) => x.id === q.id)
              const mark = outlineMark(keys.get(noteKey(q.id))?.state, noted.has(q.id))
              return (
                <li key={q.id}>
                  <button
                    type="button"
                    aria-current={i === index ? 'step' : undefined}
                    className={mark === 'hasNotes' ? 'noted' : mark ? `notes-${mark}` : ''}
                    onClick={() => onGo(i)}
                  >
                    <span className="q-num">{i + 1}.</span> {q.text}
                    {mark && <span className="visually-hidden"> ({t(`notes.outline.${mark}`)})</span>}
                  </button>
                </li>
              )
            })}
          </ol>
        </div>
      ))}
    </nav>
  )
}
