/** Russian strings of the participants domain; same keys as participants.en.ts (plurals: _one/_few/_many/_other). */
export const participantsRu = {
  new: 'Новый респондент',
  edit: 'Изменить данные респондента',
  create: 'Добавить респондента',
  search: 'Поиск людей',
  emptyTitle: 'Людей пока нет',
  emptyHelp:
    'Добавьте людей, с которыми проводите интервью. Свяжите каждого с компанией, чтобы его ответы учитывались для этой компании.',
  name: 'Имя',
  role: 'Должность',
  company: 'Компания',
  noCompany: 'Без компании',
  email: 'Эл. почта',
  phone: 'Телефон',
  consent: 'Согласие на запись получено',
  consentShort: 'Согласие на запись',
  noInterviews: 'Интервью пока нет.',
  noneAtCompany: 'В этой компании пока никого нет.',
}
