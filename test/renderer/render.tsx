import { QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import i18next from 'i18next'
import { StrictMode, type ReactElement } from 'react'
import { setupI18n, type UiLanguage } from '../../src/renderer/src/i18n'
import { createQueryClient } from '../../src/renderer/src/lib/queries'

/** The app's own i18n setup, in a fixed language. */
export async function setLanguage(lng: UiLanguage = 'en'): Promise<void> {
  setupI18n(lng)
  await i18next.changeLanguage(lng)
}

/** Renders a piece of the renderer as main.tsx does: StrictMode and a fresh query client. */
export function renderUi(ui: ReactElement): RenderResult {
  const client = createQueryClient()
  return render(
    <StrictMode>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </StrictMode>,
  )
}
