/** Exit (cancellation) interview template (domain-brief §3.3), en and ru. */
export { EXIT_INTERVIEW_EN } from './exit-interview.en'
export { EXIT_INTERVIEW_RU } from './exit-interview.ru'
