/** JTBD switch / depth-interview template (domain-brief §3.2 plus the switch timeline), en and ru. */
export { JTBD_SWITCH_EN } from './jtbd-switch.en'
export { JTBD_SWITCH_RU } from './jtbd-switch.ru'
