import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'

type Report = ChannelOutput<'imports:companies'>

/** The rejected rows (the first 50), each with its problems. */
export function ProblemList({ report }: { report: Report }) {
  const { t } = useTranslation()
  if (!report.rejected.length) return null
  return (
    <ul className="problems">
      {report.rejected.slice(0, 50).map((r) =>
        r.problems.length === 1 ? (
          <li key={r.line}>{t('imports.lineProblem', { line: r.line, message: r.problems[0] })}</li>
        ) : (
          // Every problem of the row, so it can be fixed in one go.
          <li key={r.line}>
            {t('imports.lineProblems', { line: r.line, count: r.problems.length })}
            <ul>
              {r.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </li>
        ),
      )}
      {report.rejected.length > 50 && (
        <li>{t('imports.moreProblems', { count: report.rejected.length - 50 })}</li>
      )}
    </ul>
  )
}

const FORMULAS_SHOWN = 50

/** Cells a spreadsheet would run as formulas: each is named with its line, column and text, in the check too. */
export function FormulaCells({ report }: { report: Report }) {
  const { t } = useTranslation()
  if (!report.formulaCells.length) return null
  return (
    <>
      <h3>{t('imports.formulaTitle', { count: report.formulaCells.length })}</h3>
      <ul className="problems" aria-label={t('imports.formulaList')}>
        {report.formulaCells.slice(0, FORMULAS_SHOWN).map((f) => (
          <li key={`${f.line}-${f.column}`}>
            {t('imports.formulaCell', { line: f.line, column: f.column })} <code>{f.value}</code>
          </li>
        ))}
        {report.formulaCells.length > FORMULAS_SHOWN && (
          <li>{t('imports.moreProblems', { count: report.formulaCells.length - FORMULAS_SHOWN })}</li>
        )}
      </ul>
    </>
  )
}

/** Rows saved of total while a large file is written; before the first batch, an indeterminate bar. */
export function ImportProgress({ saved }: { saved: { done: number; total: number } | null }) {
  const { t } = useTranslation()
  const label = saved
    ? t('imports.importSaving', { done: saved.done.toLocaleString(), total: saved.total.toLocaleString() })
    : t('imports.importWorking')
  return (
    <div className="import-progress" role="status">
      {saved ? (
        <progress max={saved.total} value={saved.done} aria-label={label} />
      ) : (
        <progress aria-label={label} />
      )}
      <span>{label}</span>
    </div>
  )
}

/** After an import: what was saved, created, updated or skipped, and each row that was rejected. */
export function ImportReportView({ report }: { report: Report }) {
  const { t } = useTranslation()
  return (
    <div role="status" className="import-report">
      {report.committed ? (
        <p>
          <strong>{t('imports.imported', { count: report.imported, total: report.totalRows })}</strong>
        </p>
      ) : (
        <p className="warn-text">{t('imports.nothingImported', { count: report.rejected.length })}</p>
      )}
      {report.createdCompanies.length > 0 && (
        <p>
          {t('imports.createdCompanies', {
            count: report.createdCompanies.length,
            names: report.createdCompanies.join(', '),
          })}
        </p>
      )}
      {report.updatedCompanies.length > 0 && (
        <p>
          {t('imports.updatedCompanies', {
            count: report.updatedCompanies.length,
            names: report.updatedCompanies.join(', '),
          })}
        </p>
      )}
      {report.kind === 'churnSurvey' && report.unmapped > 0 && (
        <p>{t('imports.unmappedImported', { count: report.unmapped })}</p>
      )}
      {report.alreadyImported > 0 && <p>{t('imports.alreadyImported', { count: report.alreadyImported })}</p>}
      {report.rejected.length > 0 && (
        <>
          <h3>{t('imports.rejectedTitle', { count: report.rejected.length })}</h3>
          <ProblemList report={report} />
        </>
      )}
      <FormulaCells report={report} />
    </div>
  )
}
