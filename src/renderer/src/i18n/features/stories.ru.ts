/** Russian strings of the stories domain; same keys as stories.en.ts (plurals: _one/_few/_many/_other). */
export const storiesRu = {
  jobStoriesTitle: 'Истории работы (job stories)',
  noJobStories: 'В этом исследовании пока нет историй работы.',
  jobStory: 'Когда {{situation}}, я хочу {{motivation}}, чтобы {{outcome}}.',
  deleteStory: 'Удалить историю работы «{{situation}}»',
  newJobStory: 'Новая история работы',
  when: 'Когда…',
  iWantTo: 'я хочу…',
  soICan: 'чтобы…',
  addJobStory: 'Добавить историю работы',
  noInterviews: 'В этом исследовании пока нет интервью.',
}
