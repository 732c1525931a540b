/** Russian strings of the forces domain; same keys as forces.en.ts (plurals: _one/_few/_many/_other). */
export const forcesRu = {
  forcesMatrixTitle: 'Совпадения сил, фазы и сегменты',
  forcesTitle: 'Силы прогресса',
  forcesHelp: 'Цитаты с метками сил JTBD; каждый участник считается один раз для каждой силы.',
  force: {
    push: 'Толчок ситуации',
    pull: 'Притяжение нового решения',
    anxiety: 'Тревога перед новым решением',
    habit: 'Привычка к нынешнему',
  },
  forceHint: {
    push: 'Что сделало старый способ невыносимым',
    pull: 'Что привлекло в новом способе',
    anxiety: 'Что тревожило при переходе',
    habit: 'Что удерживало на старом способе',
  },
  participants_one: '{{count}} участник',
  participants_few: '{{count}} участника',
  participants_many: '{{count}} участников',
  participants_other: '{{count}} участника',
  chooseStudyForStories:
    'Выберите исследование, чтобы увидеть его истории работы и временные линии перехода.',
  timelineTitle: 'Временная линия перехода',
  noTimelineTitle: 'Временной линии пока нет',
  noTimelineHelp:
    'Отметьте цитаты этого интервью фазами временной линии (первая мысль, пассивный поиск, активный поиск, решение, использование), чтобы увидеть линию перехода.',
}
