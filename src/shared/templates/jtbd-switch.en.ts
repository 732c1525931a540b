import type { ScriptTemplate } from '../domain/script'
import { q, section } from './build'
import { NPS_WORDING } from './wording'

/** JTBD switch / depth interview, English (domain-brief §3.2 plus the switch timeline). Ids are shared with the ru version. */
export const JTBD_SWITCH_EN: ScriptTemplate = {
  key: 'jtbd-switch',
  name: 'JTBD switch interview (depth interview)',
  description:
    'Depth interview about the job the customer hired the product for: the switch timeline (first thought → ongoing use), ' +
    'success definition, journey walk-through, satisfaction drivers (CSI) and the recommendation index (NPS). ' +
    '45–90 min; about 80 min in full. For a short session, skip the journey walk-through and competitors.',
  method: 'jtbd_switch',
  language: 'en',
  body: {
    sections: [
      section({
        id: 'jtbd.warmup',
        title: 'Warm-up and context',
        minutes: 5,
        guidance:
          'Before the interview: pick real customers (key A/B clients first, plus some C clients to learn about fit), set one research goal, ' +
          'pre-fill the account overview (tenure, renewal, contract value, history) so you don’t re-ask, and get consent to record. ' +
          'Open by explaining the purpose: there are no right or wrong answers; we want the story of how things really happened.',
        questions: [
          q(
            'jtbd.warmup.q1',
            'Tell me about your role and your company. What was your part in choosing and using the product?',
            ['Who else was involved in choosing it?', 'Who uses it day to day?'],
          ),
          q('jtbd.warmup.q2', 'Walk me through a typical week. Where does this kind of work fit?', [
            'How much time does it take?',
            'What happens before and after it?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.job',
        title: 'The job',
        minutes: 10,
        guidance:
          'Don’t ask “Why did you choose our product?”; ask about concrete tasks. For every answer, ask for a concrete recent episode, ' +
          'the context of use and the deeper motive (“why did that matter?”). Keep digging past the first answer. Note the customer’s own words.',
        questions: [
          q(
            'jtbd.job.q1',
            'What specific tasks were you trying to solve when you decided to use the product?',
            [
              'Tell me about the most recent time you had to do this.',
              'Where, when and with whom does it happen?',
              'Why did that matter to you? And why was that important?',
            ],
          ),
          q('jtbd.job.q2', 'What problem was behind that, and what happened when it was not solved?', [
            'How important was solving it, compared with everything else on your plate?',
            'What did the problem cost you: time, money, reputation, stress?',
          ]),
          q('jtbd.job.q3', 'What goal did you want to reach: for the business, and for you personally?', [
            'How would reaching it change your work or your standing?',
          ]),
          q(
            'jtbd.job.q4',
            'What did you use or consider before? Why did you pick this product for the job?',
            ['What did it do that the alternatives couldn’t?'],
          ),
        ],
      }),
      section({
        id: 'jtbd.first_thought',
        title: 'Switch timeline: first thought',
        minutes: 5,
        jtbdPhase: 'first_thought',
        guidance:
          'The next six sections rebuild the story of the switch in time order, from the first thought to today. ' +
          'Anchor each moment in a concrete time, place and situation. Listen for the four forces: the push of the old situation, ' +
          'the pull of the new solution, anxiety about changing, and the habit of the present. Tag quotes with the phase and the force.',
        questions: [
          q(
            'jtbd.first_thought.q1',
            'Take me back to the moment you first thought, “we need something better for this”. When was it, and what was happening?',
            [
              'Where were you? What were you doing? Who was around?',
              'What happened just before: an event, a failure, a new task, a new person?',
              'Why then, and not a month or a year earlier?',
            ],
          ),
          q('jtbd.first_thought.q2', 'How were you handling it at that time?', [
            'What was the workaround: spreadsheets, another tool, a person, nothing at all?',
            'What was good enough about it, and what was frustrating?',
          ]),
          q('jtbd.first_thought.q3', 'What did you hope would be different?', [
            'Describe the better way you imagined then: what would it let you do?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.passive_looking',
        title: 'Switch timeline: passive looking',
        minutes: 3,
        jtbdPhase: 'passive_looking',
        guidance:
          'The period when the customer noticed solutions but was not yet searching. It can last for months.',
        questions: [
          q(
            'jtbd.passive_looking.q1',
            'After that first thought, did you start noticing possible solutions? What caught your eye?',
            [
              'Ads, articles, a colleague’s tool, a conference, a recommendation?',
              'Where and when did you first hear about us? What did you think?',
            ],
          ),
          q('jtbd.passive_looking.q2', 'What kept you from doing something about it right away?', [
            'Time, budget, other priorities, fear of change, “the old way still works”?',
            'What did you tell yourself at the time?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.active_looking',
        title: 'Switch timeline: active looking',
        minutes: 5,
        jtbdPhase: 'active_looking',
        guidance:
          'The customer now spends time and effort on finding a solution. Find the event that made it urgent, and the hiring criteria.',
        questions: [
          q(
            'jtbd.active_looking.q1',
            'When did you start looking seriously? What happened that made it urgent?',
            [
              'A deadline, a budget cycle, a new manager, a failure that cost money?',
              'Who else got involved at that point?',
            ],
          ),
          q(
            'jtbd.active_looking.q2',
            'Walk me through how you searched. Where did you look, whom did you ask, what did you try?',
            [
              'Which options did you compare, including doing nothing or building it yourselves?',
              'Demos, trials, reviews, case studies: what helped and what didn’t?',
              'Which options dropped out, and why?',
            ],
          ),
          q(
            'jtbd.active_looking.q3',
            'What did a solution absolutely have to do? What would have ruled it out?',
            [
              'Which criteria were must-haves, and which were nice to have?',
              'Did the criteria change as you learned more?',
            ],
          ),
        ],
      }),
      section({
        id: 'jtbd.deciding',
        title: 'Switch timeline: deciding',
        minutes: 5,
        jtbdPhase: 'deciding',
        guidance:
          'Find the moment of commitment, who decided, and what almost stopped it (anxiety and habit).',
        questions: [
          q(
            'jtbd.deciding.q1',
            'Tell me about the moment you decided. Where were you, and who was involved?',
            [
              'Who had the final say? Whom did you have to convince, and how?',
              'What did you have to show or prove inside the company?',
            ],
          ),
          q('jtbd.deciding.q2', 'What almost stopped you?', [
            'Worries about price, switching effort, data migration, the risk that it wouldn’t work?',
            'How did you get past each worry? What or who reassured you?',
          ]),
          q('jtbd.deciding.q3', 'What tipped the balance in our favour?', [
            'What did you expect to get that you didn’t have before?',
            'How did the price and contract terms look at that point?',
            'How was your contact with our sales team? Was anything over-promised?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.first_use',
        title: 'Switch timeline: first use',
        minutes: 5,
        jtbdPhase: 'first_use',
        guidance:
          'The first days and weeks after buying. Find the “aha” moment and the gap between expectations and reality. ' +
          'Most SaaS churn happens in the first 90 days.',
        questions: [
          q('jtbd.first_use.q1', 'Tell me about the first days after you bought. What did you do first?', [
            'Who set it up, and who helped you?',
            'How long did it take to get the first useful result?',
          ]),
          q('jtbd.first_use.q2', 'When did you first feel “yes, this works”?', [
            'What exactly happened at that moment?',
            'How long after the purchase was it?',
          ]),
          q('jtbd.first_use.q3', 'What was harder than you expected, or different from it?', [
            'Registration, setup, data import, training, learning the interface?',
            'Was there a moment you regretted the decision or thought about going back to the old way?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.ongoing_use',
        title: 'Switch timeline: ongoing use',
        minutes: 5,
        jtbdPhase: 'ongoing_use',
        guidance:
          'How the product lives in the customer’s work today, whether it does the job, and what could make them switch away.',
        questions: [
          q('jtbd.ongoing_use.q1', 'How do you use the product today, compared with the first weeks?', [
            'What do you use more, and what have you stopped using?',
            'Has anyone else in your company started using it?',
          ]),
          q('jtbd.ongoing_use.q2', 'Is it doing the job you hired it for? What is better now than before?', [
            'Can you give me a recent example?',
            'Is there a part of the job it doesn’t do, so you still need a workaround?',
          ]),
          q('jtbd.ongoing_use.q3', 'What would make you start looking for something else?', [
            'Has that thought already crossed your mind? When?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.success',
        title: 'Success definition',
        minutes: 5,
        jtbdPhase: 'ongoing_use',
        guidance:
          'Map point A (where the customer is now) to point B (where they want to be) and the steps between them (success map).',
        questions: [
          q('jtbd.success.q1', 'What does success look like for you? How would you know you got there?', [
            'Which number, event or feeling would tell you?',
          ]),
          q('jtbd.success.q2', 'Where are you now relative to that, and where do you want to be?', [
            'Which steps got you this far?',
            'Which steps are still missing, and what is blocking them?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.journey',
        title: 'Journey walk-through',
        minutes: 15,
        guidance:
          'Go through the stages one by one: first heard → evaluated → bought → set up and first use → regular use → got support → ' +
          'renewed or repurchased → recommended. Ask the five questions for each stage. Stages already covered in the switch timeline ' +
          'can be brief; spend the time on regular use, support, renewal and recommendation.',
        questions: [
          q('jtbd.journey.q1', 'What did you do at this stage, and who or what did you deal with?', [
            'Touchpoints: website, demo, sales call, contract, onboarding, in-product chat, support, invoices, emails.',
          ]),
          q('jtbd.journey.q2', 'What did you expect, and how did you feel?', [
            'Rate the feeling from −2 (very negative) to +2 (very positive).',
          ]),
          q('jtbd.journey.q3', 'What did you like?', ['What should we keep or do more of?']),
          q('jtbd.journey.q4', 'What was hard or annoying?', [
            'How did you get around it?',
            'Did it ever make you think about leaving?',
          ]),
          q('jtbd.journey.q5', 'What would you improve?', [
            'If you could change one thing at this stage, what would it be?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.value',
        title: 'Value, barriers and the non-product experience',
        minutes: 5,
        jtbdPhase: 'ongoing_use',
        guidance:
          'Non-product issues (staff conduct or appearance, communication) are part of the customer’s experience even when the company ' +
          'does not count them as product problems. Ask about them explicitly.',
        questions: [
          q('jtbd.value.q1', 'What is the single most valuable thing the product gives you?', [
            'What would you lose if it disappeared tomorrow?',
          ]),
          q('jtbd.value.q2', 'What still gets in the way?', [
            'How often does it happen, and what does it cost you?',
          ]),
          q(
            'jtbd.value.q3',
            'Was there anything about our people, communication or service (not the software) that stood out, good or bad?',
            [
              'How our staff behaved, looked and spoke on calls.',
              'How quickly and clearly we answered.',
              'Anything small that annoyed you but didn’t seem worth mentioning?',
            ],
          ),
        ],
      }),
      section({
        id: 'jtbd.csi',
        title: 'Satisfaction drivers (CSI)',
        minutes: 3,
        guidance:
          'Ask for a 1–5 rating for each driver (1 = very poor, 5 = excellent). The first six drivers are listed in order of their measured ' +
          'influence on loyalty; price/value is added.',
        questions: [
          q(
            'jtbd.csi.q1',
            'On a scale from 1 to 5, how would you rate us on each of these: quality of support; meeting your requirements; ' +
              'ease of doing business with us; ease of use; ease of setup; product direction; price/value?',
            ['For any rating of 3 or below: what would make it a 5?', 'Which of these matters most to you?'],
            'csi',
          ),
        ],
      }),
      section({
        id: 'jtbd.competitors',
        title: 'Competitors and market',
        minutes: 4,
        questions: [
          q('jtbd.competitors.q1', 'Which alternatives do you know or use? What do you think of them?', [
            'What do they do better or worse than we do?',
            'Has a competitor approached you recently?',
          ]),
          q('jtbd.competitors.q2', 'What trends in your industry are changing what you need?', [
            'What will you need from a product like ours in a year or two?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.language',
        title: 'Customer language',
        minutes: 2,
        guidance:
          'Write the answer down word for word: it goes to the quote bank and can be reused in marketing.',
        questions: [
          q('jtbd.language.q1', 'How would you describe the product to a colleague, in your own words?', [
            'What would you call it?',
            'Who would you say it is for, and who is it not for?',
          ]),
        ],
      }),
      section({
        id: 'jtbd.close',
        title: 'Close',
        minutes: 3,
        guidance:
          'After the interview: tag highlights (job, goal, problem, barrier, positive moment, emotion, expectation, driver, competitor, ' +
          'trend, customer phrase, churn-risk code), attach them to journey-map cells, update the segment, persona and success-map position, ' +
          'and fill in the debrief: core job, trigger, dominant force, hiring criteria, competitor, emotional peak.',
        questions: [
          q('jtbd.close.q1', NPS_WORDING.en.text, NPS_WORDING.en.probes, 'nps'),
          q('jtbd.close.q2', 'Is there anything we didn’t ask that we should have?', [
            'May we follow up with you if we have more questions?',
          ]),
        ],
      }),
    ],
  },
}
