import type { Language } from '../domain/common'
import { CHURN_REASONS } from './churn-reasons'
import { EMOTIONS_STARTER, JOURNEY_STAGES, JTBD_FORCES, JTBD_PHASES, SATISFACTION_DRIVERS } from './families'
import type { StarterTag } from './types'

export type { Bilingual, StarterTag } from './types'
export { CHURN_CATEGORY_CODES, CHURN_REASONS } from './churn-reasons'
export { EMOTIONS_STARTER, JOURNEY_STAGES, JTBD_FORCES, JTBD_PHASES, SATISFACTION_DRIVERS } from './families'

/** Keys match StarterCodebookSchema in the codebook contract. */
export type StarterCodebookKey =
  'churn_reasons' | 'jtbd_forces' | 'jtbd_phases' | 'journey_stages' | 'emotions' | 'satisfaction_drivers'

/** Parents always come before their children, so seeding can insert in order. */
export const STARTER_CODEBOOKS: Record<StarterCodebookKey, readonly StarterTag[]> = {
  churn_reasons: CHURN_REASONS,
  jtbd_forces: JTBD_FORCES,
  jtbd_phases: JTBD_PHASES,
  journey_stages: JOURNEY_STAGES,
  emotions: EMOTIONS_STARTER,
  satisfaction_drivers: SATISFACTION_DRIVERS,
}

/** A starter tag's texts in one language. */
export function localize(tag: StarterTag, language: Language) {
  return {
    name: tag.name[language],
    description: tag.description[language],
    ownerTeam: tag.ownerTeam[language],
    prevention: tag.prevention[language],
  }
}
