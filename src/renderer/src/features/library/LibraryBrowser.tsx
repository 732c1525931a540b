import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useApi } from '../../lib/queries'

const EXTENSION = '.fieldnote'

/**
 * Browser mode's file picker. A web page cannot learn the path of a file the user picks (the File System
 * Access API hands out handles, not paths), and the server opens libraries by path; so the server lists
 * folders (library:browse: sub-folders and .fieldnote files only) and the user walks through them here.
 * Open: pick a library file. Create: pick a folder and name the file. Folder: pick a folder (for backups).
 */
export function LibraryBrowser({
  mode,
  onPick,
  onClose,
}: {
  mode: 'open' | 'create' | 'folder'
  onPick: (path: string) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [dir, setDir] = useState<string | undefined>(undefined)
  const [name, setName] = useState(t('library.examplePath'))
  const listing = useApi('library:browse', dir === undefined ? {} : { dir }, { uncached: true })
  const here = listing.data
  const folders = here?.entries.filter((e) => e.kind === 'folder') ?? []
  const libraries = here?.entries.filter((e) => e.kind === 'library') ?? []
  const fileName = name.trim()

  return (
    <Modal
      title={t(
        mode === 'open'
          ? 'library.browseOpenTitle'
          : mode === 'folder'
            ? 'backups.chooseFolderTitle'
            : 'library.browseCreateTitle',
      )}
      onClose={onClose}
      wide
    >
      <div className="browse-bar">
        <button
          type="button"
          className="secondary"
          disabled={!here?.parent}
          onClick={() => here?.parent && setDir(here.parent)}
        >
          {t('library.browseUp')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!here}
          onClick={() => here && setDir(here.home)}
        >
          {t('library.browseHome')}
        </button>
        <p className="path" aria-live="polite">
          <span className="visually-hidden">{t('library.browseFolder')} </span>
          {here?.dir ?? dir ?? ''}
        </p>
      </div>
      <ErrorNote error={listing.error} />
      {listing.isPending && <p className="hint">{t('common.loading')}</p>}
      {here && (
        <ul className="browse-list" aria-label={t('library.browseListLabel', { folder: here.dir })}>
          {folders.map((e) => (
            <li key={e.path}>
              <button
                type="button"
                className="browse-folder"
                onClick={() => setDir(e.path)}
                aria-label={t('library.browseEnter', { name: e.name })}
              >
                <span aria-hidden="true">▸ </span>
                {e.name}
              </button>
            </li>
          ))}
          {libraries.map((e) =>
            mode === 'open' ? (
              <li key={e.path}>
                <button
                  type="button"
                  className="browse-library"
                  onClick={() => onPick(e.path)}
                  aria-label={t('library.openRecent', { path: e.path })}
                >
                  {e.name}
                </button>
              </li>
            ) : (
              // Shown when creating too, so the user sees which names are taken; not clickable then.
              <li key={e.path} className="browse-taken">
                {e.name}
              </li>
            ),
          )}
          {here.entries.length === 0 && (
            <li className="hint">
              {t(mode === 'create' ? 'library.browseEmptyCreate' : 'library.browseEmptyOpen')}
            </li>
          )}
          {here.truncated && (
            <li className="hint">{t('library.browseTruncated', { count: here.entries.length })}</li>
          )}
        </ul>
      )}
      {mode === 'create' && here && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!fileName) return
            const file = /\.[^./\\]+$/.test(fileName) ? fileName : `${fileName}${EXTENSION}`
            onPick(`${here.dir.replace(/[/\\]+$/, '')}${here.separator}${file}`)
          }}
        >
          <label>
            {t('library.browseFileName')}
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" disabled={!fileName}>
            {t('library.browseCreateHere')}
          </button>
        </form>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        {mode === 'folder' && (
          <button type="button" disabled={!here} onClick={() => here && onPick(here.dir)}>
            {t('backups.useThisFolder')}
          </button>
        )}
      </div>
    </Modal>
  )
}
