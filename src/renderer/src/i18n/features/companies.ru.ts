/** Russian strings of the companies domain; same keys as companies.en.ts (plurals: _one/_few/_many/_other). */
export const companiesRu = {
  new: 'Новая компания',
  edit: 'Изменить компанию',
  create: 'Создать компанию',
  search: 'Поиск компаний',
  emptyTitle: 'Компаний пока нет',
  emptyHelp:
    'Добавьте компании, с которыми проводите интервью, — с сегментом, тарифом и MRR, чтобы взвешивать выводы по выручке.',
  name: 'Название',
  segment: 'Сегмент',
  segmentName: 'Сегмент {{segment}}',
  unsegmented: 'Без сегмента',
  plan: 'Тариф',
  mrr: 'MRR',
  month: 'мес.',
  currency: 'Валюта',
  customerSince: 'Клиент с',
  status: 'Статус',
  churnedOn: 'Дата ухода',
  churnType: 'Тип оттока',
  notes: 'Заметки',
  badMrr: 'MRR должен быть положительной суммой, например 1200 или 1200,50.',
  earlyChurn: 'Ушёл в первые 90 дней',
  sharesTitle: 'Доля MRR по сегментам',
  overview: 'Обзор сегментов',
  count: 'Компании',
  share: 'Доля',
  abShare:
    'Сегменты A+B приносят {{actual}}% MRR действующих клиентов; по данным источников — около {{expected}}%.',
  abFollows: 'Ваша клиентская база соответствует правилу 80/20.',
  abBelow:
    'Ваша клиентская база не дотягивает до правила 80/20: клиенты сегментов C и D, возможно, отнимают внимание у ключевых клиентов.',
  mixedCurrencies:
    'Компании используют несколько валют ({{list}}); при расчёте долей суммы складываются так, будто это одна валюта.',
}
