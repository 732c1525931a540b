import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChurnScreen } from '../../src/renderer/src/features/churn/ChurnScreen'
import { seedChurnTaxonomy } from './churn-taxonomy'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
const sql = () => backend.app.libraries.context().sqlite

beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
  seedChurnTaxonomy(backend)
})
afterEach(() => backend.cleanup())

const SURVEY =
  'date,company,reason,comment,mrr\n2025-04-01,Acme,prc-01,"Too expensive, honestly",100\n2025-04-02,Beta,PRC-01,,300\n2025-04-03,Gamma,Poor support,Nobody answered,50\n2025-04-04,Delta,too pricey,,20\n'

describe('Churn reasons screen', () => {
  it('imports a churn survey, draws the Pareto, shows quotes, and works both recoding queues', async () => {
    const user = userEvent.setup()
    renderUi(<ChurnScreen />)
    await user.click(await screen.findByRole('button', { name: 'Import churn survey CSV' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import a churn survey' })
    await user.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([SURVEY], 'survey.csv', { type: 'text/csv' }),
    )
    expect(await within(dialog).findByText('survey.csv: 4 rows. The first rows:')).toBeInTheDocument()
    expect(within(dialog).getByRole('cell', { name: 'Too expensive, honestly' })).toBeInTheDocument()
    expect(within(dialog).queryByRole('group', { name: 'Match the columns' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Import' }))
    expect(await within(dialog).findByText('Imported 4 of 4 rows.')).toBeInTheDocument()
    expect(within(dialog).getByText('Created 4 companies: Acme, Beta, Gamma, Delta')).toBeInTheDocument()
    expect(within(dialog).getByText(/1 row has a reason not in the taxonomy/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Done' }))

    const chart = await screen.findByRole('img', {
      name: /^Churn reasons by companies: 2 reasons; the top one, PRC-01 Too expensive, accounts for 66\.7%/,
    })
    expect(chart.querySelectorAll('rect.bar')).toHaveLength(2)
    const table = screen.getByRole('table', { name: 'Churn reasons by companies, as a table' })
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'ReasonValueShareCumulative',
      'PRC-01 Too expensive266.7%66.7%',
      'SUP-01 Poor support133.3%100%',
    ])
    expect(
      screen.getByText(
        /^4 churned companies, 3 with a reason, \$450 lost MRR with a reason\. 1 churned company has no reason yet\.$/,
      ),
    ).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Lost MRR' }))
    const mrrChart = await screen.findByRole('img', {
      name: /^Churn reasons by lost MRR: 2 reasons; the top one, PRC-01 Too expensive, accounts for 88\.9%/,
    })
    expect(mrrChart).toBeInTheDocument()

    // matrices, per company: stated survey reasons count as evidence
    const matrix = screen.getByRole('region', { name: 'Reasons together and by segment' })
    const co = within(matrix).getByRole('table', { name: 'Companies with both tags' })
    await waitFor(() =>
      expect(
        within(co)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual(['PRCSUP', 'PRC20', 'SUP01']),
    )
    const seg = within(matrix).getByRole('table', { name: 'Companies with the tag, by segment' })
    expect(
      within(seg)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Segment ASegment BSegment CSegment DNo segment', 'PRC00002', 'SUP00001'])
    // any two sets of the codebook can be crossed: categories × the reasons under PRC
    await user.selectOptions(within(matrix).getByRole('combobox', { name: 'Columns' }), 'Under PRC Price')
    const cross = await within(matrix).findByRole('table', {
      name: 'Companies with the row’s tag and the column’s tag',
    })
    await waitFor(() =>
      expect(
        within(cross)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual(['PRC-01PRC-02', 'PRC20', 'SUP00']),
    )

    // prevention beside the reason, quotes on click
    const reasons = screen.getByRole('region', { name: 'Reasons and categories' })
    const open = within(reasons).getByRole('button', { name: 'Show quotes for PRC-01 Too expensive' })
    expect(open.closest('tr')!).toHaveTextContent('Competitive pricing review')
    await user.click(open)
    let quotes = await screen.findByRole('region', { name: 'Quotes: PRC-01 Too expensive' })
    await user.click(within(quotes).getByRole('button', { name: 'Close' }))
    // the Pareto's own table opens the same quotes (the keyboard's way into a bar)
    const paretoTable = screen.getByRole('table', { name: /, as a table$/ })
    await user.click(
      within(paretoTable).getByRole('button', { name: 'Show quotes for PRC-01 Too expensive' }),
    )
    quotes = await screen.findByRole('region', { name: 'Quotes: PRC-01 Too expensive' })
    expect(await within(quotes).findByText('Too expensive, honestly')).toBeInTheDocument()
    expect(within(quotes).getByRole('link', { name: 'churn survey' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/companies\//),
    )

    // unmapped queue: map "too pricey" to PRC-02
    const unmapped = screen.getByRole('region', { name: /Unmapped survey reasons/ })
    await user.selectOptions(within(unmapped).getByRole('combobox', { name: 'Map “too pricey” to' }), 'prc2')
    await user.click(within(unmapped).getByRole('button', { name: 'Map' }))
    expect(
      await within(unmapped).findByText('Every survey reason is mapped to the taxonomy.'),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Companies' }))
    expect(await screen.findByRole('img', { name: /: 3 reasons;/ })).toBeInTheDocument()
  })

  it('splits the primary reasons by segment, tenure, voluntary or involuntary, and month', async () => {
    const company = (
      name: string,
      segment: 'A' | 'B',
      customerSince: string,
      churnType: 'voluntary' | 'involuntary',
      churnedOn = '2025-04-01',
    ) =>
      backend.call('companies:create', {
        name,
        segment,
        mrrMinor: 10_000,
        customerSince,
        status: 'churned',
        churnedOn,
        churnType,
      })
    await company('Acme', 'A', '2025-01-01', 'voluntary') // 90 days: within the boundary
    await company('Beta', 'B', '2024-12-31', 'involuntary') // 91 days
    await company('Gamma', 'A', '2024-01-01', 'voluntary', '2025-05-02')
    await backend.call('imports:churnSurvey', {
      csv: 'date,company,reason,comment,mrr\n2025-04-01,Acme,PRC-01,,\n2025-04-01,Beta,PRC-01,,\n2025-05-02,Gamma,SUP-01,,',
    })
    const user = userEvent.setup()
    renderUi(<ChurnScreen />)
    const splits = await screen.findByRole('region', { name: 'Splits' })
    const rows = () =>
      within(within(splits).getByRole('table'))
        .getAllByRole('row')
        .map((r) => r.textContent)
    expect(rows()).toEqual([
      'ReasonSegment ASegment BSegment CSegment DNo segment',
      'PRC Price11000',
      'PRC-01 Too expensive11000',
      'SUP Support10000',
      'SUP-01 Poor support10000',
    ])
    const by = within(splits).getByRole('combobox', { name: 'Split by' })
    await user.selectOptions(by, 'tenure')
    expect(rows().slice(0, 2)).toEqual(['ReasonWithin 90 daysAfter 90 daysUnknown', 'PRC Price110'])
    await user.selectOptions(by, 'type')
    expect(rows()[1]).toMatch(/^PRC Price11/)
    await user.selectOptions(by, 'period')
    expect(rows().slice(0, 4)).toEqual([
      'Reason2025-042025-05',
      'PRC Price20',
      'PRC-01 Too expensive20',
      'SUP Support01',
    ])
    // In lost MRR, the same split sums the companies' MRR.
    await user.click(screen.getByRole('button', { name: 'Lost MRR' }))
    expect(rows()[1]).toBe('PRC Price$200$0')
  })

  it('sets the primary reason of an exit interview from the queue', async () => {
    const user = userEvent.setup()
    const study = await backend.call('studies:create', { name: 'Exit', method: 'exit', targetInterviews: 3 })
    const company = await backend.call('companies:create', {
      name: 'Omega',
      status: 'churned',
      churnedOn: '2025-05-01',
      mrrMinor: 900,
    })
    const person = await backend.call('participants:create', { name: 'Olga', companyId: company.id })
    const interview = await backend.call('interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: 'builtin:exit:en',
      title: 'Olga exit',
    })
    renderUi(<ChurnScreen selectedId={study.id} />)
    const queue = await screen.findByRole('region', { name: /Exit interviews with no reason coded/ })
    expect(await within(queue).findByRole('link', { name: 'Olga exit' })).toHaveAttribute(
      'href',
      `#/interview/${interview.id}`,
    )
    expect(within(queue).getByText('No churn-reason quotes yet.')).toBeInTheDocument()
    await user.selectOptions(
      within(queue).getByRole('combobox', { name: 'Primary reason for Olga exit' }),
      'sup1',
    )
    await user.click(within(queue).getByRole('button', { name: 'Set primary reason' }))
    expect(await within(queue).findByText('Every exit interview has a primary reason.')).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /1 reason; the top one, SUP-01 Poor support, accounts for 100%/,
      }),
    ).toBeInTheDocument()
    expect((await backend.call('interviews:get', { id: interview.id })).id).toBe(interview.id)
  })

  it('offers the starter taxonomy when there is none', async () => {
    sql().prepare('delete from tags').run()
    renderUi(<ChurnScreen />)
    expect(await screen.findByRole('heading', { name: 'No churn-reason taxonomy yet' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add the starter churn taxonomy' })).toBeInTheDocument()
  })
})
