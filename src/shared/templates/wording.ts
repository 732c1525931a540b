import type { Language } from '../domain/common'
/**
 * Survey-question wording shared by several templates (domain-brief §1.6.1–1.6.3, follow-ups from §1.6.6),
 * so the same metric is asked the same way everywhere.
 */

export interface MetricWording {
  text: string
  probes: readonly string[]
}

export const NPS_WORDING: Record<Language, MetricWording> = {
  en: {
    text: 'How likely is it that you would recommend our product to your friends or colleagues? (0–10)',
    probes: [
      'What is the main reason for your score?',
      '9–10: Glad you like it. What do you like most?',
      '7–8: Thank you. Is there anything we can do to improve your experience?',
      '0–6: Sorry about the bad experience. What did you dislike most, so we can fix it?',
    ],
  },
  ru: {
    text: 'Насколько вероятно, что вы порекомендуете наш продукт друзьям или коллегам? (от 0 до 10)',
    probes: [
      'Какова главная причина вашей оценки?',
      '9–10: Рады, что вам нравится. Что нравится больше всего?',
      '7–8: Спасибо. Можем ли мы что-то сделать, чтобы ваш опыт стал лучше?',
      '0–6: Жаль, что опыт оказался неудачным. Что не понравилось больше всего? Мы постараемся это исправить.',
    ],
  },
}

export const CSAT_WORDING: Record<Language, MetricWording> = {
  en: {
    text: 'How satisfied are you with your experience with our business? (1–5)',
    probes: ['Please tell us the main reason for your rating.'],
  },
  ru: {
    text: 'Насколько вы удовлетворены опытом работы с нашей компанией? (от 1 до 5)',
    probes: ['Пожалуйста, назовите главную причину вашей оценки.'],
  },
}

export const CES_WORDING: Record<Language, MetricWording> = {
  en: {
    text:
      "To what extent do you agree or disagree with the following statement: 'The company made it easy for me to handle my issue.' " +
      '(1 = strongly disagree, 7 = strongly agree)',
    probes: [
      'Please tell us the reason for this rating.',
      'Think of the last time you contacted us with a problem or question.',
    ],
  },
  ru: {
    text:
      'Насколько вы согласны или не согласны со следующим утверждением: «Компания позволила мне легко решить мой вопрос»? ' +
      '(1 — совершенно не согласен, 7 — полностью согласен)',
    probes: [
      'Пожалуйста, назовите причину этой оценки.',
      'Вспомните, когда вы в последний раз обращались к нам с проблемой или вопросом.',
    ],
  },
}
