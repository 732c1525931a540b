/** English strings of the stories domain, under the 'stories' key. */
export const storiesEn = {
  jobStoriesTitle: 'Job stories',
  noJobStories: 'No job stories in this study yet.',
  jobStory: 'When {{situation}}, I want to {{motivation}}, so I can {{outcome}}.',
  deleteStory: 'Delete the job story “{{situation}}”',
  newJobStory: 'New job story',
  when: 'When…',
  iWantTo: 'I want to…',
  soICan: 'so I can…',
  addJobStory: 'Add job story',
  noInterviews: 'This study has no interviews yet.',
}
