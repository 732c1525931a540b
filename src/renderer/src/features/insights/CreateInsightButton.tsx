import { useState } from 'react'
import { NewInsightDialog, type NewInsightProps } from './NewInsightDialog'

/** A button that opens the new-insight dialog for a source of quotes (a churn reason, a force, a card…). */
export function CreateInsightButton({
  label,
  ariaLabel,
  className = 'secondary',
  onDone,
  ...dialog
}: Omit<NewInsightProps, 'onClose' | 'onCreated'> & {
  label: string
  ariaLabel?: string
  className?: string
  /** Once the dialog that made an insight is closed (the source may then go: a choice is cleared). */
  onDone?: () => void
}) {
  const [open, setOpen] = useState(false)
  const [made, setMade] = useState(false)
  return (
    <>
      <button
        type="button"
        className={className || undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && (
        <NewInsightDialog
          {...dialog}
          onCreated={() => setMade(true)}
          onClose={() => {
            setOpen(false)
            if (made) onDone?.()
            setMade(false)
          }}
        />
      )}
    </>
  )
}
