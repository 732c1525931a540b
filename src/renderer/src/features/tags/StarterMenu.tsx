import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { STARTER_CODEBOOKS } from '../../../../shared/ipc/contracts/tags'
import { ErrorNote } from '../../components/ErrorNote'
import { useApiMutation } from '../../lib/queries'
import './tags.css'

type Starter = (typeof STARTER_CODEBOOKS)[number]

function useSeed(onDone: (message: string) => void) {
  const { t, i18n } = useTranslation()
  const seed = useApiMutation('tags:seedStarter')
  // Through the promise, not mutate's per-call onSuccess: that one is dropped when the buttons unmount, and
  // the buttons of an empty codebook go away as soon as the seeded tags arrive.
  const run = (codebook: Starter) =>
    seed.mutateAsync({ codebook, language: i18n.language === 'ru' ? 'ru' : 'en' }).then(
      (r) =>
        onDone(
          t('tags.starters.added', {
            name: t(`tags.starters.${codebook}`),
            created: r.created,
            skipped: r.skipped,
          }),
        ),
      () => {}, // the error is on seed.error, shown below the buttons
    )
  return { run, seed }
}

/** "Add starter codebook" menu: a button that opens a list of the six starters; arrow keys move, Escape closes. */
export function StarterMenu({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const { run, seed } = useSeed(onDone)
  const menu = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  }, [open])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      setOpen(false)
      button.current?.focus()
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length
      items[next]?.focus()
    }
  }

  return (
    <div className="starter-menu">
      <button
        ref={button}
        type="button"
        className="secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t('tags.starters.menu')} ▾
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label={t('tags.starters.menu')}
          className="menu-popup"
          onKeyDown={onKeyDown}
        >
          {STARTER_CODEBOOKS.map((key) => (
            <button
              key={key}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false)
                void run(key)
              }}
            >
              {t(`tags.starters.${key}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorNote error={seed.error} />
    </div>
  )
}

/** The same six starters as plain buttons, for the empty state. */
export function StarterButtons({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const { run, seed } = useSeed(onDone)
  return (
    <>
      <ul className="starter-buttons" aria-label={t('tags.starters.menu')}>
        {STARTER_CODEBOOKS.map((key) => (
          <li key={key}>
            <button
              type="button"
              className="secondary"
              disabled={seed.isPending}
              onClick={() => void run(key)}
            >
              {t(`tags.starters.${key}`)}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={seed.error} />
    </>
  )
}
