/** Customer journey walk-through template (domain-brief §1.1.3, §3.4), en and ru. */
export { JOURNEY_WALKTHROUGH_EN } from './journey-walkthrough.en'
export { JOURNEY_WALKTHROUGH_RU } from './journey-walkthrough.ru'
