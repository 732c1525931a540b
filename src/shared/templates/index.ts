import type { Language } from '../domain/common'
import type { ScriptTemplate } from '../domain/script'
import { EXIT_INTERVIEW_EN, EXIT_INTERVIEW_RU } from './exit-interview'
import { JOURNEY_WALKTHROUGH_EN, JOURNEY_WALKTHROUGH_RU } from './journey-walkthrough'
import { JTBD_SWITCH_EN, JTBD_SWITCH_RU } from './jtbd-switch'

export { CSI_DRIVERS, CsiDriverKeySchema, type CsiDriver, type CsiDriverKey } from './csi-drivers'

export const BUILTIN_TEMPLATE_KEYS = ['jtbd-switch', 'exit', 'journey'] as const
export type BuiltinTemplateKey = (typeof BUILTIN_TEMPLATE_KEYS)[number]

/** The shipped templates, 3 × en/ru. The en and ru version of a template share section and question ids. */
export const BUILTIN_TEMPLATES: readonly ScriptTemplate[] = Object.freeze([
  JTBD_SWITCH_EN,
  JTBD_SWITCH_RU,
  EXIT_INTERVIEW_EN,
  EXIT_INTERVIEW_RU,
  JOURNEY_WALKTHROUGH_EN,
  JOURNEY_WALKTHROUGH_RU,
])

/** Script id under which a built-in template is exposed, e.g. `builtin:exit:ru`. */
export function builtinScriptId(key: string, language: Language): string {
  return `builtin:${key}:${language}`
}

export function findBuiltinTemplate(id: string): ScriptTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => builtinScriptId(t.key, t.language) === id)
}
