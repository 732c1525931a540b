/** English strings of the participants domain, under the 'participants' key. */
export const participantsEn = {
  new: 'New person',
  edit: 'Edit person',
  create: 'Add person',
  search: 'Search people',
  emptyTitle: 'No people yet',
  emptyHelp: 'Add the people you interview. Link each to a company so their answers count for that company.',
  name: 'Name',
  role: 'Role',
  company: 'Company',
  noCompany: 'No company',
  email: 'E-mail',
  phone: 'Phone',
  consent: 'Consented to being recorded',
  consentShort: 'Consent to record',
  noInterviews: 'No interviews yet.',
  noneAtCompany: 'No people at this company yet.',
}
