import { useTranslation } from 'react-i18next'
import { REPORT_SECTION_IDS, type ReportSectionId } from '../../../../shared/reports/model'
import { REPORT_LABELS } from '../../../../shared/reports/labels'

interface Props {
  /** The chosen sections, in report order. */
  value: readonly ReportSectionId[]
  onChange: (next: ReportSectionId[]) => void
  language: 'en' | 'ru'
}

/**
 * Which sections the report has and in what order: a checkbox each, and buttons that move a chosen section
 * up or down (keyboard and screen-reader friendly; no drag needed). Unchosen sections follow, in their usual order.
 */
export function ReportSections({ value, onChange, language }: Props) {
  const { t } = useTranslation()
  const names = REPORT_LABELS[language].sections
  const rest = REPORT_SECTION_IDS.filter((id) => !value.includes(id))
  const move = (at: number, by: -1 | 1) => {
    const next = [...value]
    const [item] = next.splice(at, 1)
    next.splice(at + by, 0, item!)
    onChange(next)
  }
  return (
    <fieldset className="report-sections">
      <legend>{t('reports.sections')}</legend>
      <ol>
        {[...value, ...rest].map((id) => {
          const at = value.indexOf(id)
          const chosen = at >= 0
          return (
            <li key={id} className={chosen ? undefined : 'unchosen'}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen}
                  onChange={() => onChange(chosen ? value.filter((s) => s !== id) : [...value, id])}
                />{' '}
                {names[id]}
              </label>
              {chosen && (
                <span className="report-section-moves">
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('reports.moveUp', { section: names[id] })}
                    disabled={at === 0}
                    onClick={() => move(at, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('reports.moveDown', { section: names[id] })}
                    disabled={at === value.length - 1}
                    onClick={() => move(at, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </fieldset>
  )
}
