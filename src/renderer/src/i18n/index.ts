import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { ru } from './ru'

export const SUPPORTED_LANGUAGES = ['en', 'ru'] as const
export type UiLanguage = (typeof SUPPORTED_LANGUAGES)[number]
const STORAGE_KEY = 'fieldnote.language'

function initialLanguage(): UiLanguage {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'ru') return saved
  return globalThis.navigator?.language?.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

export function setupI18n(lng: UiLanguage = initialLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  return i18next
}

export function changeLanguage(lng: UiLanguage): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lng)
  void i18next.changeLanguage(lng)
  document.documentElement.lang = lng
}
