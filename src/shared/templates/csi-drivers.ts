import { z } from 'zod'

/**
 * Satisfaction drivers (domain-brief §1.6.9): the six SaaSletter factors in descending order of
 * influence on loyalty, plus price/value added by the source's author. The default CSI aspect list.
 */
export const CsiDriverKeySchema = z.enum([
  'support_quality',
  'meets_requirements',
  'ease_of_doing_business',
  'ease_of_use',
  'ease_of_setup',
  'product_direction',
  'price_value',
])
export type CsiDriverKey = z.infer<typeof CsiDriverKeySchema>

export interface CsiDriver {
  key: CsiDriverKey
  en: string
  ru: string
}

export const CSI_DRIVERS: readonly CsiDriver[] = [
  { key: 'support_quality', en: 'Quality of support', ru: 'Качество поддержки' },
  { key: 'meets_requirements', en: 'Meets requirements', ru: 'Соответствие требованиям' },
  { key: 'ease_of_doing_business', en: 'Ease of doing business', ru: 'Удобство сотрудничества' },
  { key: 'ease_of_use', en: 'Ease of use', ru: 'Простота использования' },
  { key: 'ease_of_setup', en: 'Ease of setup', ru: 'Простота настройки' },
  { key: 'product_direction', en: 'Product direction', ru: 'Направление развития продукта' },
  { key: 'price_value', en: 'Price/value', ru: 'Соотношение цены и ценности' },
]
