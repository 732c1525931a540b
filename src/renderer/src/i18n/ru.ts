import type { Messages } from './en'
import { en } from './en'
// Placeholder until the Russian translation lands.
export const ru: Messages = en
