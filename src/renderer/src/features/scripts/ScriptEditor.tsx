import { useEffect, useState, type ReactNode } from 'react'
import { addLeaveGuard } from '../../app/router'
import { useTranslation } from 'react-i18next'
import {
  JourneyStageSchema,
  JtbdPhaseSchema,
  QuestionCaptureSchema,
  type InterviewMethod,
  type Script,
  type ScriptBody,
  type ScriptQuestion,
  type ScriptSection,
} from '../../../../shared/domain/script'
import { DeleteButton } from '../../components/DeleteButton'
import { ErrorNote } from '../../components/ErrorNote'
import { MethodSelect } from '../../components/MethodSelect'
import { useApiMutation } from '../../lib/queries'
import { navigate } from '../../app/router'
import { move, MoveButtons } from './MoveButtons'

const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`

/** Edits a user's own script: sections → questions → probes, reordered with buttons (keyboard-friendly). */
export function ScriptEditor({ script, extraActions }: { script: Script; extraActions: ReactNode }) {
  const { t } = useTranslation()
  const update = useApiMutation('scripts:update')
  const [name, setName] = useState(script.name)
  const [description, setDescription] = useState(script.description)
  const [method, setMethod] = useState<InterviewMethod>(script.method)
  const [body, setBody] = useState<ScriptBody>(script.body)
  const [dirty, setDirty] = useState(false)
  // Script edits are saved with the button, not as you type: leaving with changes asks first.
  useEffect(
    () => (dirty ? addLeaveGuard(() => t('scripts.leaveUnsaved', { name })) : undefined),
    [dirty, name, t],
  )

  const change = (next: ScriptBody) => (setBody(next), setDirty(true))
  const setSection = (i: number, patch: Partial<ScriptSection>) =>
    change({ sections: body.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) })
  const setQuestion = (si: number, qi: number, patch: Partial<ScriptQuestion>) => {
    const section = body.sections[si]
    if (section)
      setSection(si, { questions: section.questions.map((q, j) => (j === qi ? { ...q, ...patch } : q)) })
  }

  const save = () => {
    const clean = {
      sections: body.sections.map((s) => ({
        ...s,
        questions: s.questions.map((q) => ({ ...q, probes: q.probes.map((p) => p.trim()).filter(Boolean) })),
      })),
    }
    update.mutate(
      { id: script.id, name, description, method, body: clean },
      { onSuccess: () => setDirty(false) },
    )
  }

  return (
    <article aria-labelledby="script-edit-title">
      <header className="detail-header">
        <h2 id="script-edit-title">{t('scripts.editing', { name: script.name })}</h2>
        <div className="actions">
          {extraActions}
          <DeleteButton domain="scripts" id={script.id} onDeleted={() => navigate({ name: 'scripts' })} />
          <button type="button" onClick={save} disabled={!dirty || update.isPending}>
            {dirty ? t('scripts.save') : t('scripts.saved')}
          </button>
        </div>
      </header>
      <ErrorNote error={update.error} />
      <p className="hint">{t('scripts.snapshotHint')}</p>
      <div className="form">
        <div className="row">
          <label>
            {t('scripts.name')}
            <input value={name} onChange={(e) => (setName(e.target.value), setDirty(true))} />
          </label>
          <MethodSelect
            label={t('studies.method')}
            value={method}
            onChange={(m) => (setMethod(m), setDirty(true))}
          />
        </div>
        <label>
          {t('scripts.description')}
          <textarea
            rows={2}
            value={description}
            onChange={(e) => (setDescription(e.target.value), setDirty(true))}
          />
        </label>
      </div>
      {body.sections.map((s, si) => (
        <fieldset key={s.id} className="script-section editable">
          <legend>
            {t('scripts.section', { n: si + 1 })}
            <MoveButtons
              label={s.title}
              index={si}
              count={body.sections.length}
              onMove={(to) => change({ sections: move(body.sections, si, to) })}
              onRemove={() => change({ sections: body.sections.filter((_, j) => j !== si) })}
            />
          </legend>
          <div className="row">
            <label className="grow">
              {t('scripts.sectionTitle')}
              <input value={s.title} onChange={(e) => setSection(si, { title: e.target.value })} />
            </label>
            <label>
              {t('scripts.jtbdPhase')}
              <select
                value={s.jtbdPhase ?? ''}
                onChange={(e) =>
                  setSection(si, { jtbdPhase: (e.target.value || null) as ScriptSection['jtbdPhase'] })
                }
              >
                <option value="">—</option>
                {JtbdPhaseSchema.options.map((p) => (
                  <option key={p} value={p}>
                    {t(`jtbdPhase.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('scripts.journeyStage')}
              <select
                value={s.journeyStage ?? ''}
                onChange={(e) =>
                  setSection(si, { journeyStage: (e.target.value || null) as ScriptSection['journeyStage'] })
                }
              >
                <option value="">—</option>
                {JourneyStageSchema.options.map((p) => (
                  <option key={p} value={p}>
                    {t(`journeyStage.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            {t('scripts.guidance')}
            <textarea
              rows={2}
              value={s.guidance}
              onChange={(e) => setSection(si, { guidance: e.target.value })}
            />
          </label>
          <ol className="question-edit-list">
            {s.questions.map((q, qi) => (
              <li key={q.id}>
                <div className="row">
                  <label className="grow">
                    {t('scripts.question', { n: qi + 1 })}
                    <input value={q.text} onChange={(e) => setQuestion(si, qi, { text: e.target.value })} />
                  </label>
                  <label>
                    {t('scripts.capture')}
                    <select
                      value={q.capture}
                      onChange={(e) =>
                        setQuestion(si, qi, { capture: e.target.value as ScriptQuestion['capture'] })
                      }
                    >
                      {QuestionCaptureSchema.options.map((c) => (
                        <option key={c} value={c}>
                          {t(`capture.${c}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <MoveButtons
                    label={q.text}
                    index={qi}
                    count={s.questions.length}
                    onMove={(to) => setSection(si, { questions: move(s.questions, qi, to) })}
                    onRemove={() => setSection(si, { questions: s.questions.filter((_, j) => j !== qi) })}
                  />
                </div>
                <label>
                  {t('scripts.probes')}
                  <textarea
                    rows={Math.max(2, q.probes.length + 1)}
                    value={q.probes.join('\n')}
                    onChange={(e) =>
                      setQuestion(si, qi, {
                        probes: e.target.value
                          .split('\n')
                          .filter((p, i, all) => p.trim() !== '' || i === all.length - 1),
                      })
                    }
                  />
                </label>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setSection(si, {
                questions: [
                  ...s.questions,
                  { id: newId('q'), text: t('scripts.newQuestionText'), probes: [], capture: 'none' },
                ],
              })
            }
          >
            {t('scripts.addQuestion')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          change({
            sections: [
              ...body.sections,
              {
                id: newId('s'),
                title: t('scripts.newSectionTitle'),
                guidance: '',
                minutes: null,
                jtbdPhase: null,
                journeyStage: null,
                questions: [
                  { id: newId('q'), text: t('scripts.newQuestionText'), probes: [], capture: 'none' },
                ],
              },
            ],
          })
        }
      >
        {t('scripts.addSection')}
      </button>
    </article>
  )
}
