import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Script } from '../../../../shared/domain/script'

/** Read-only view of a script (built-in templates are shown this way; duplicate to edit). */
export function ScriptView({ script, actions }: { script: Script; actions: ReactNode }) {
  const { t } = useTranslation()
  return (
    <article aria-labelledby="script-title">
      <header className="detail-header">
        <div>
          <h2 id="script-title">{script.name}</h2>
          <p className="item-meta">
            {t(`method.${script.method}`)} · {script.language.toUpperCase()} · {t('scripts.builtin')}
          </p>
        </div>
        <div className="actions">{actions}</div>
      </header>
      {script.description && <p className="goal">{script.description}</p>}
      <p className="hint">{t('scripts.builtinHint')}</p>
      {script.body.sections.map((s, si) => (
        <section key={s.id} className="script-section">
          <h3>
            {si + 1}. {s.title}{' '}
            {s.minutes ? <span className="hint">({t('scripts.minutes', { count: s.minutes })})</span> : null}
            {s.jtbdPhase && <span className="badge">{t(`jtbdPhase.${s.jtbdPhase}`)}</span>}
            {s.journeyStage && <span className="badge">{t(`journeyStage.${s.journeyStage}`)}</span>}
          </h3>
          {s.guidance && <p className="guidance">{s.guidance}</p>}
          <ol>
            {s.questions.map((q) => (
              <li key={q.id}>
                {q.text} {q.capture !== 'none' && <span className="badge">{t(`capture.${q.capture}`)}</span>}
                {q.probes.length > 0 && (
                  <ul className="probes-list">
                    {q.probes.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  )
}
