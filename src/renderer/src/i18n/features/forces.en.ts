/** English strings of the forces domain, under the 'forces' key. */
export const forcesEn = {
  forcesMatrixTitle: 'Forces together, with phases, and by segment',
  forcesTitle: 'Forces of progress',
  forcesHelp: 'Quotes tagged with a JTBD force; each participant counts once per force.',
  force: {
    push: 'Push of the situation',
    pull: 'Pull of the new solution',
    anxiety: 'Anxiety of the new solution',
    habit: 'Habit of the present',
  },
  forceHint: {
    push: 'What made the old way unbearable',
    pull: 'What attracted them to the new way',
    anxiety: 'What worried them about switching',
    habit: 'What kept them with the old way',
  },
  participants_one: '{{count}} participant',
  participants_other: '{{count}} participants',
  chooseStudyForStories: 'Choose a study to see its job stories and switch timelines.',
  timelineTitle: 'Switch timeline',
  noTimelineTitle: 'No timeline yet',
  noTimelineHelp:
    'Tag quotes of this interview with timeline phases (first thought, passive looking, active looking, deciding, consuming) to see its switch timeline.',
}
