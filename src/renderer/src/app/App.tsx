import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useQueryClient } from '@tanstack/react-query'
import { changeLanguage, type UiLanguage } from '../i18n'
import { flushAllQueues } from '../lib/autosave'
import { setPendingLibraryCommand } from './library-commands'
import { useApi, write } from '../lib/queries'
import { transport } from '../lib/transport'
import { ChurnScreen } from '../features/churn/ChurnScreen'
import { ForcesScreen } from '../features/forces/ForcesScreen'
import { BoardsScreen } from '../features/boards/BoardsScreen'
import { InsightsScreen } from '../features/insights/InsightsScreen'
import { ReportsScreen } from '../features/reports/ReportsScreen'
import { CodebookScreen } from '../features/tags/CodebookScreen'
import { CompaniesScreen } from '../features/companies/CompaniesScreen'
import { EvidenceScreen } from '../features/evidence/EvidenceScreen'
import { ParticipantsScreen } from '../features/participants/ParticipantsScreen'
import { InterviewRunner } from '../features/interviews/InterviewRunner'
import { LibraryScreen } from '../features/library/LibraryScreen'
import { BackupsScreen } from '../features/backups/BackupsScreen'
import { ScriptsScreen } from '../features/scripts/ScriptsScreen'
import { StudiesScreen } from '../features/studies/StudiesScreen'
import { navigate, pendingLeaveQuestion, routeHref, useRoute, type Route } from './router'
import { useGlobalShortcuts } from './useGlobalShortcuts'

/** Alt+digit follows the order of the entries that have a shortcut. */
const NAV: { route: Route; key: string; shortcut?: string }[] = [
  { route: { name: 'studies' }, key: 'nav.studies', shortcut: '1' },
  { route: { name: 'companies' }, key: 'nav.companies', shortcut: '2' },
  { route: { name: 'people' }, key: 'nav.people', shortcut: '3' },
  { route: { name: 'scripts' }, key: 'nav.scripts', shortcut: '4' },
  { route: { name: 'codebook' }, key: 'nav.codebook', shortcut: '5' },
  { route: { name: 'evidence' }, key: 'nav.evidence', shortcut: '6' },
  { route: { name: 'churn' }, key: 'nav.churn', shortcut: '7' },
  { route: { name: 'forces' }, key: 'nav.forces', shortcut: '8' },
  { route: { name: 'boards' }, key: 'nav.boards' },
  { route: { name: 'insights' }, key: 'nav.insights' },
  { route: { name: 'reports' }, key: 'nav.reports' },
  { route: { name: 'library' }, key: 'nav.library', shortcut: '9' },
]
const SHORTCUT_ROUTES = NAV.filter((n) => n.shortcut).map((n) => n.route)

export function App() {
  const { t, i18n } = useTranslation()
  const route = useRoute()
  const library = useApi('library:current')
  const qc = useQueryClient()
  useGlobalShortcuts(SHORTCUT_ROUTES)

  useEffect(() => {
    const offMenu = transport().onMenu((command) => {
      // The library screen may not be mounted yet: leave the command for it to pick up.
      setPendingLibraryCommand(command)
      navigate({ name: 'library' })
      window.dispatchEvent(new CustomEvent('fieldnote:library-command', { detail: command }))
    })
    // Whatever screen is open, the window saves every pending edit before it closes; edits that are not
    // saved on their own (a script being edited) count as unsaved, so the window asks first.
    const offFlush = transport().onFlushRequest(
      async () => (await flushAllQueues()) && pendingLeaveQuestion() === null,
    )
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (pendingLeaveQuestion()) e.preventDefault()
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      offMenu()
      offFlush()
      window.removeEventListener('beforeunload', beforeUnload)
    }
  }, [])

  useEffect(() => {
    const language = i18n.language === 'ru' ? 'ru' : 'en'
    document.documentElement.lang = language
    void write(qc, 'app:setLanguage', { language }).catch(() => undefined)
  }, [i18n.language, qc])

  const noLibrary = library.isSuccess && library.data === null
  // The restore screen works with no library open: that is when a damaged library is restored.
  const screen =
    route.name === 'backups' ? (
      <BackupsScreen />
    ) : noLibrary || route.name === 'library' ? (
      <LibraryScreen />
    ) : (
      renderRoute(route)
    )

  return (
    <div className="app-shell" data-ready={library.isSuccess ? 'true' : 'false'}>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          Fieldnote
        </div>
        <ul>
          {NAV.map((n) => {
            const active =
              n.route.name === route.name ||
              (route.name === 'interview' && n.route.name === 'studies') ||
              (route.name === 'backups' && n.route.name === 'library')
            return (
              <li key={n.key}>
                <a
                  href={routeHref(n.route)}
                  aria-current={active ? 'page' : undefined}
                  title={n.shortcut ? `Alt+${n.shortcut}` : undefined}
                >
                  {t(n.key)}
                </a>
              </li>
            )
          })}
        </ul>
        <div className="sidebar-footer">
          <div className="library-name" title={library.data?.path}>
            {library.data ? t('library.currentShort', { name: library.data.name }) : t('library.none')}
          </div>
          <label>
            <span className="visually-hidden">{t('settings.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => changeLanguage(e.target.value as UiLanguage)}
              aria-label={t('settings.language')}
            >
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </select>
          </label>
        </div>
      </nav>
      <main className="content">{screen}</main>
    </div>
  )
}

function renderRoute(route: Route) {
  switch (route.name) {
    case 'studies':
      return <StudiesScreen selectedId={route.id} />
    case 'companies':
      return <CompaniesScreen selectedId={route.id} />
    case 'people':
      return <ParticipantsScreen selectedId={route.id} />
    case 'scripts':
      return <ScriptsScreen selectedId={route.id} />
    case 'interview':
      return <InterviewRunner id={route.id} questionId={route.questionId} transcript={route.transcript} />
    case 'codebook':
      return <CodebookScreen selectedId={route.id} />
    case 'evidence':
      return <EvidenceScreen selectedId={route.id} />
    case 'churn':
      return <ChurnScreen selectedId={route.id} />
    case 'forces':
      return <ForcesScreen selectedId={route.id} />
    case 'boards':
      return <BoardsScreen selectedId={route.id} />
    case 'insights':
      return <InsightsScreen selectedId={route.id} />
    case 'reports':
      return <ReportsScreen selectedId={route.id} />
    case 'library':
      return <LibraryScreen />
  }
}
