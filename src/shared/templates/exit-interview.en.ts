import type { ScriptTemplate } from '../domain/script'
import { q, section } from './build'
import { CES_WORDING, CSAT_WORDING, NPS_WORDING } from './wording'

/** Exit (cancellation) interview, English (domain-brief §3.3). Ids are shared with the ru version. */
export const EXIT_INTERVIEW_EN: ScriptTemplate = {
  key: 'exit',
  name: 'Exit interview (cancellation)',
  description:
    'Interview with a customer who is cancelling or has left: reasons, value, competitor, what could have prevented it, ' +
    'counter-offer and win-back. 15–30 min. Short form (cancellation form): the first four sections (questions 1–6).',
  method: 'exit',
  language: 'en',
  body: {
    sections: [
      section({
        id: 'exit.reason',
        title: 'Reason for leaving',
        minutes: 4,
        guidance:
          'Pre-fill before the call: churn type (voluntary/involuntary), tenure (and whether it is within 90 days), contract value and MRR, ' +
          'plan, segment, last interaction, recent NPS/CSAT/CES, onboarding model. Don’t argue or sell: listen and ask for specifics. ' +
          'Code the answers against the churn-reason taxonomy.',
        questions: [
          q('exit.reason.q1', 'Why do you want to cancel your subscription?', [
            'What else played a part?',
            'What was the last straw?',
            'Record the primary and secondary reasons.',
          ]),
        ],
      }),
      section({
        id: 'exit.value',
        title: 'Use and value',
        minutes: 5,
        questions: [
          q('exit.value.q1', 'What did you use our product for?', [
            'What job did you hire it for? Did it get done?',
          ]),
          q('exit.value.q2', 'What was the biggest benefit of our product for you?'),
          q('exit.value.q3', 'How could we improve our product?', ['What was missing for you to stay?']),
        ],
      }),
      section({
        id: 'exit.team',
        title: 'Working with our team',
        minutes: 3,
        questions: [
          q('exit.team.q1', 'Did our team communicate with you effectively?', [
            'Whom did you deal with most? How was it?',
            'Did you get answers quickly and clearly?',
          ]),
        ],
      }),
      section({
        id: 'exit.competitor',
        title: 'Where you are going',
        minutes: 3,
        questions: [
          q(
            'exit.competitor.q1',
            'Are you moving to a competitor? Which one, and what made them more attractive?',
            [
              'Or will you do it in-house, or stop doing this work altogether?',
              'What do they offer that we don’t: features, price, terms, service?',
            ],
          ),
        ],
      }),
      section({
        id: 'exit.story',
        title: 'How the decision came about',
        minutes: 5,
        guidance:
          'Separate what the company did, what changed on the customer’s side, and what happened in the relationship.',
        questions: [
          q(
            'exit.story.q1',
            'When did you first start considering leaving, and what happened at that moment?',
            [
              'What did we do, or fail to do, around that time?',
              'What changed on your side: people, budget, priorities, strategy?',
            ],
          ),
          q(
            'exit.story.q2',
            'Did price, contract terms, the length of our relationship, or a competitor’s offer play a role?',
            ['Price', 'Contract terms', 'Length of our relationship', 'A competitor’s offer'],
          ),
          q(
            'exit.story.q3',
            'Was anything about how we work with you (processes, people, billing) a problem?',
            ['Invoices, payment methods, approvals, paperwork?', 'Was it easy to do business with us?'],
          ),
        ],
      }),
      section({
        id: 'exit.prevention',
        title: 'What could have kept you',
        minutes: 5,
        guidance:
          'Make a counter-offer only if it matches the reason given. Record whether an offer was made and whether it was accepted.',
        questions: [
          q('exit.prevention.q1', 'What could we have done to prevent you from leaving?', [
            'When would it have needed to happen?',
          ]),
          q('exit.prevention.q2', 'Is there anything we could offer that would change your decision?', [
            'Financial difficulty → a longer payment term or a few free months.',
            'Didn’t understand the product or got no results → consulting or training sessions.',
            'Contract too rigid → flexible terms.',
            'Record whether an offer was made and whether it was accepted.',
          ]),
        ],
      }),
      section({
        id: 'exit.ratings',
        title: 'Ratings (optional)',
        minutes: 3,
        guidance: 'Skip any rating the customer gave recently (see the pre-filled scores).',
        questions: [
          q('exit.ratings.q1', CSAT_WORDING.en.text, CSAT_WORDING.en.probes, 'csat'),
          q('exit.ratings.q2', CES_WORDING.en.text, CES_WORDING.en.probes, 'ces'),
          q('exit.ratings.q3', NPS_WORDING.en.text, NPS_WORDING.en.probes, 'nps'),
        ],
      }),
      section({
        id: 'exit.close',
        title: 'Close and win-back',
        minutes: 2,
        guidance:
          'After the interview: set the primary and secondary reason codes, whether the churn was controllable (Y/N), the competitor, ' +
          'the revenue lost, the counter-offer outcome and the win-back date.',
        questions: [
          q('exit.close.q1', 'May we contact you later? What would have to change for you to come back?', [
            'When would be a good time to check in?',
          ]),
        ],
      }),
    ],
  },
}
