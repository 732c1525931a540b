import type { ScriptTemplate } from '../domain/script'
import { q, section, stageSection } from './build'
import { CES_WORDING, CSAT_WORDING } from './wording'

/**
 * Customer journey walk-through, English (domain-brief §1.1.3, §3.4). One section per CJM stage; in every stage
 * q1 = actions and touchpoints, q2 = expectations and feelings, q3 = liked (positive moment), q4 = hard (barrier),
 * q5 = improve. Ids are shared with the ru version.
 */
const EMOTION = 'Rate the feeling from −2 (very negative) to +2 (very positive).'
const P = 'journey'

export const JOURNEY_WALKTHROUGH_EN: ScriptTemplate = {
  key: 'journey',
  name: 'Customer journey walk-through (CJM)',
  description:
    'Walks the respondent through every stage of the customer journey, from first hearing about us to recommending us (or leaving). ' +
    'For each stage: what they did and where, what they expected and felt, what they liked, what was hard and what they would improve. ' +
    'About 5 minutes per stage; 45–60 min in full.',
  method: 'journey',
  language: 'en',
  body: {
    sections: [
      section({
        id: 'journey.intro',
        title: 'Introduction',
        minutes: 3,
        guidance:
          'Explain that you will go through their experience step by step, from the very beginning. Skip the stages the respondent ' +
          'has not reached; ask about offboarding only if the customer has left or is leaving. Answers feed the journey-map cells: ' +
          'touchpoints, expectations, emotions, positive moments, barriers and improvement ideas.',
        questions: [
          q('journey.intro.q1', 'Briefly, what is your role, and how do you use the product today?'),
          q('journey.intro.q2', 'Who else in your company was involved along the way?'),
        ],
      }),
      stageSection(P, 'awareness', 'Awareness', [
        [
          'How did you first learn about us, or realise you had a need we could meet? What were you doing at the time?',
          ['Search, ads, social media, blog articles, word of mouth, press?'],
        ],
        [
          'What did you expect from a product like ours back then, and how did you feel about the problem?',
          [EMOTION],
        ],
        ['What did you like about your first impression of us?'],
        ['What was confusing or off-putting?'],
        ['What would have made it easier to find us or to understand what we do?'],
      ]),
      stageSection(P, 'consideration', 'Consideration', [
        [
          'How did you check whether we could meet your need? What did you look at, and whom did you talk to?',
          [
            'Website, demo, case studies, social media, colleagues?',
            'Which other options were you comparing us with?',
          ],
        ],
        ['What did you expect to find out, and how did you feel while evaluating?', [EMOTION]],
        ['What did you like during the evaluation? What convinced you?'],
        ['What was hard to find out or to judge?'],
        ['What would have made the evaluation easier?'],
      ]),
      stageSection(P, 'decision', 'Decision and purchase', [
        [
          'How did the purchase go? Who was involved, and what steps did it take?',
          ['Reviews, sales calls, proposal, contract, approvals, payment?'],
        ],
        ['What did you expect from our sales team and the purchase process, and how did it feel?', [EMOTION]],
        ['What went well in the purchase?'],
        ['What was hard or slow? Was anything over-promised?'],
        ['What would you change in the way we sell?'],
      ]),
      stageSection(P, 'onboarding', 'Onboarding and first use', [
        [
          'How did getting started go: setup, training, first tasks?',
          [
            'Registration, setup, data import, kick-off and training calls, help articles, chat?',
            'How long did it take to get the first useful result?',
          ],
        ],
        ['What did you expect from the first weeks, and how did you feel?', [EMOTION]],
        ['What did you like? When did you first feel the product was working for you?'],
        ['What was hard in getting started?'],
        ['What would have made getting started faster or easier?'],
      ]),
      stageSection(P, 'regular_use', 'Regular use', [
        ['How do you use the product in your everyday work now? Who uses it, and for what?'],
        ['What do you expect from it day to day, and how do you feel when using it?', [EMOTION]],
        ['What do you like most in everyday use?'],
        ['What gets in the way or annoys you?', ['How do you get around it?']],
        ['What would you improve in everyday use?'],
      ]),
      stageSection(
        P,
        'support',
        'Support and service',
        [
          [
            'Tell me about the last time you needed help from us. How did you get in touch, and what happened?',
            ['Chat, email, phone, messenger, in-product chat, your account manager?'],
          ],
          ['What did you expect, and how did you feel during and after?', [EMOTION]],
          ['What did you like about how we helped?', ['Speed, competence, tone?']],
          ['What was hard or frustrating?'],
          ['What would you improve in our support?'],
        ],
        { questions: [q('journey.support.q6', CES_WORDING.en.text, CES_WORDING.en.probes, 'ces')] },
      ),
      stageSection(P, 'retention', 'Retention and renewal', [
        [
          'How did the renewal or repeat purchase go? What did you do, and whom did you deal with?',
          ['Renewal reminder, invoice, payment, contract changes, review meeting?'],
        ],
        [
          'When renewal came up, what did you expect and how did you feel? Did you consider not renewing?',
          [EMOTION],
        ],
        ['What made it easy to stay with us?'],
        ['What was hard: billing, paperwork, price changes?'],
        ['What would make renewing easier, or more clearly worth it?'],
      ]),
      stageSection(P, 'expansion', 'Expansion (upsell and cross-sell)', [
        [
          'Have you added users, moved to a bigger plan or bought other products from us? How did that happen?',
          ['Who suggested it: you, our account manager, the product itself?'],
        ],
        ['What did you expect from the upgrade, and how did you feel about the offer?', [EMOTION]],
        ['What did you like about it?'],
        ['What was hard, or what stopped you from expanding?'],
        ['What would make expanding easier or more attractive?'],
      ]),
      stageSection(P, 'advocacy', 'Loyalty and advocacy', [
        [
          'Have you recommended us to anyone, or talked about us publicly? What did you say?',
          ['Colleagues, partners, reviews, social media, communities, events, case studies?'],
        ],
        [
          'What do you expect from us as a long-term customer, and how do you feel about the relationship?',
          [EMOTION, 'Loyalty programme, early access, exclusive events, legacy pricing?'],
        ],
        ['What makes you want to recommend us?'],
        ['What holds you back from recommending us?'],
        ['What would make you an even stronger advocate?'],
      ]),
      stageSection(
        P,
        'offboarding',
        'Offboarding (optional)',
        [
          [
            'How did leaving go? What did you do, and whom did you deal with?',
            ['Cancellation, data export, final invoice, exit call?'],
          ],
          ['What did you expect when you decided to leave, and how did you feel?', [EMOTION]],
          ['What went well as you left?'],
          ['What was hard about leaving?'],
          ['What would have made you stay, or made leaving smoother?'],
        ],
        {
          guidance:
            'Only for customers who have left or are leaving. For a full exit interview, use the exit-interview script.',
        },
      ),
      section({
        id: 'journey.close',
        title: 'Close',
        minutes: 3,
        questions: [
          q('journey.close.q1', CSAT_WORDING.en.text, CSAT_WORDING.en.probes, 'csat'),
          q(
            'journey.close.q2',
            'Looking at the whole journey, which moment mattered most to you, good or bad?',
            ['If we could fix just one thing, what should it be?'],
          ),
          q('journey.close.q3', 'Is there anything we didn’t ask that we should have?'),
        ],
      }),
    ],
  },
}
