import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SEGMENTS, type Segment } from '../../../../shared/domain/common'
import { BOARD_TEMPLATES, type BoardTemplate } from '../../../../shared/templates/journey-board'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { routeHref } from '../../app/router'
import { useApi, useApiMutation } from '../../lib/queries'

/** A new board of a study from one of the templates, optionally for one ABCD segment or persona. */
export function NewBoardDialog({
  studyId: initialStudy,
  onClose,
  onCreated,
}: {
  studyId: string
  onClose: () => void
  onCreated: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const studies = useApi('studies:list')
  const create = useApiMutation('boards:create')
  const [chosenStudy, setStudyId] = useState(initialStudy)
  const [name, setName] = useState('')
  const [template, setTemplate] = useState<BoardTemplate>('saas_default')
  const [segment, setSegment] = useState<Segment | ''>('')
  const [persona, setPersona] = useState('')
  const studyId = chosenStudy || studies.data?.[0]?.id || ''

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    create.mutate(
      {
        studyId,
        name,
        template,
        language: i18n.language === 'ru' ? 'ru' : 'en',
        segment: segment || null,
        persona,
      },
      { onSuccess: (board) => (onClose(), onCreated(board.id)) },
    )
  }

  return (
    <Modal title={t('boards.create.title')} onClose={onClose} wide>
      {studies.data?.length === 0 ? (
        <>
          <p>{t('boards.create.noStudies')}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <a href={routeHref({ name: 'studies' })}>{t('boards.create.toStudies')}</a>
          </div>
        </>
      ) : (
        <form onSubmit={submit} className="form" aria-label={t('boards.create.title')}>
          <div className="row">
            <label className="grow">
              {t('boards.create.name')}
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                maxLength={200}
                autoFocus
              />
            </label>
            <label>
              {t('boards.create.study')}
              <select value={studyId} onChange={(e) => setStudyId(e.target.value)} required>
                {studies.data?.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <fieldset className="template-choice">
            <legend>{t('boards.create.template')}</legend>
            {BOARD_TEMPLATES.map((key) => (
              <label key={key} className="checkbox template-option">
                <input
                  type="radio"
                  name="board-template"
                  value={key}
                  checked={template === key}
                  onChange={() => setTemplate(key)}
                />
                <span>
                  <strong>{t(`boards.template.${key}`)}</strong>
                  <small className="hint"> {t(`boards.templateHint.${key}`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="row">
            <label>
              {t('boards.create.segment')}
              <select value={segment} onChange={(e) => setSegment(e.target.value as Segment | '')}>
                <option value="">{t('boards.create.allSegments')}</option>
                {SEGMENTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`common.split.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="grow">
              {t('boards.create.persona')}
              <input
                value={persona}
                onChange={(e) => setPersona(e.target.value)}
                maxLength={200}
                placeholder={t('boards.create.personaPlaceholder')}
              />
            </label>
          </div>
          <small className="hint">{t('boards.create.scopeHint')}</small>
          <ErrorNote error={create.error} />
          <div className="actions">
            <button type="button" className="secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" disabled={!studyId || create.isPending}>
              {t('boards.create.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  )
}
