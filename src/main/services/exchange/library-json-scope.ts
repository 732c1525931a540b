/**
 * Which rows of each table a one-study export holds (docs/decisions.md): the study, what belongs to it, and
 * what those rows reference, so the file imports on its own.
 *
 * - its interviews with their notes, transcripts, job stories and detached highlights; its survey answers;
 *   the highlights on those sources with their tags; its boards (stages, lanes, cards) and its insights;
 * - the participants of its interviews, their companies and the companies of its survey answers; the user
 *   scripts its interviews were made from;
 * - every tag those rows use (highlights, primary reasons, survey mappings, board stages and cards, insights,
 *   detached highlights) with its ancestors and aliases.
 *
 * Links from the study to records outside it are left out: a board card's or an insight's citation of a quote
 * from another study, and the codebook's merge history (tag_merges, an undo log of the whole library).
 * Insights that span studies (study_id null) belong to no study and stay in the library export only.
 * Each value is a `where` over the table's own columns, with @study bound to the study's id.
 */

const INTERVIEWS = `(select id from interviews where study_id = @study)`
const NOTES = `(select id from interview_notes where interview_id in ${INTERVIEWS})`
const TRANSCRIPTS = `(select id from transcripts where interview_id in ${INTERVIEWS})`
const RESPONSES = `(select id from churn_survey_responses where study_id = @study)`
const HIGHLIGHTS = `(select id from highlights where note_id in ${NOTES} or transcript_id in ${TRANSCRIPTS} or survey_response_id in ${RESPONSES})`
const PARTICIPANTS = `(select participant_id from interviews where study_id = @study)`
const BOARDS = `(select id from boards where study_id = @study)`
const INSIGHTS = `(select id from insights where study_id = @study)`

/** Tags the study's rows name, then their ancestors up to the roots. */
const TAGS = `(with recursive used(id) as (
    select tag_id from highlight_tags where highlight_id in ${HIGHLIGHTS}
    union select primary_churn_reason_tag_id from interviews where study_id = @study
    union select reason_tag_id from churn_survey_responses where study_id = @study
    union select tag_id from board_stages where board_id in ${BOARDS}
    union select tag_id from board_cards where board_id in ${BOARDS}
    union select tag_id from insight_tags where insight_id in ${INSIGHTS}
    union select j.value from detached_highlights d, json_each(d.tag_ids) j where d.interview_id in ${INTERVIEWS}
  ), tree(id) as (
    select id from used where id is not null
    union select t.parent_id from tags t join tree on t.id = tree.id where t.parent_id is not null
  ) select id from tree)`

export const STUDY_SCOPE: Record<string, string> = {
  studies: 'id = @study',
  companies: `id in (select company_id from participants where id in ${PARTICIPANTS}) or id in (select company_id from churn_survey_responses where study_id = @study)`,
  participants: `id in ${PARTICIPANTS}`,
  scripts: `id in (select script_source_id from interviews where study_id = @study)`,
  tags: `id in ${TAGS}`,
  tag_aliases: `tag_id in ${TAGS}`,
  tag_merges: '0',
  interviews: 'study_id = @study',
  interview_notes: `interview_id in ${INTERVIEWS}`,
  transcripts: `interview_id in ${INTERVIEWS}`,
  churn_survey_responses: 'study_id = @study',
  highlights: `id in ${HIGHLIGHTS}`,
  highlight_tags: `highlight_id in ${HIGHLIGHTS}`,
  job_stories: `interview_id in ${INTERVIEWS}`,
  detached_highlights: `interview_id in ${INTERVIEWS}`,
  boards: 'study_id = @study',
  board_stages: `board_id in ${BOARDS}`,
  board_lanes: `board_id in ${BOARDS}`,
  board_cards: `board_id in ${BOARDS}`,
  board_card_evidence: `card_id in (select id from board_cards where board_id in ${BOARDS}) and highlight_id in ${HIGHLIGHTS}`,
  insights: 'study_id = @study',
  insight_evidence: `insight_id in ${INSIGHTS} and highlight_id in ${HIGHLIGHTS}`,
  insight_tags: `insight_id in ${INSIGHTS}`,
}
