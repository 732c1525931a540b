import { z } from 'zod'
import { CountSchema as Count, IdSchema } from '../../domain/common'
import { OkSchema as Ok, read, write } from '../channel-spec'

const StoryText = z.string().trim().min(1, 'Fill in every part of the job story').max(2000)
export const JobStorySchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  interviewTitle: z.string(),
  participantName: z.string().nullable(),
  situation: z.string(),
  motivation: z.string(),
  outcome: z.string(),
  position: Count,
})

export const storiesContract = {
  'stories:list': read(
    z.object({ studyId: IdSchema.optional(), interviewId: IdSchema.optional() }),
    z.array(JobStorySchema),
  ),
  'stories:create': write(
    z.object({ interviewId: IdSchema, situation: StoryText, motivation: StoryText, outcome: StoryText }),
    JobStorySchema,
    ['stories'],
  ),
  'stories:update': write(
    z.object({
      id: IdSchema,
      situation: StoryText.optional(),
      motivation: StoryText.optional(),
      outcome: StoryText.optional(),
    }),
    JobStorySchema,
    ['stories'],
  ),
  'stories:delete': write(z.object({ id: IdSchema }), Ok, ['stories']),
} as const
