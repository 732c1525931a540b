import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChurnScreen } from '../../src/renderer/src/features/churn/ChurnScreen'
import { seedChurnTaxonomy } from './churn-taxonomy'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend

beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
  seedChurnTaxonomy(backend)
})
afterEach(() => backend.cleanup())

// The import dialog opens from the churn screen's toolbar.
describe('Importing companies', () => {
  it('maps the columns of another companies layout, checks the rows, imports the valid ones', async () => {
    const user = userEvent.setup()
    renderUi(<ChurnScreen />)
    await user.click(await screen.findByRole('button', { name: 'Import companies CSV' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import companies' })
    const csv = 'Account Name,Tier,Monthly Revenue\nAcme,A,1200\nBad,Z,10\n'
    await user.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([csv], 'crm.csv', { type: 'text/csv' }),
    )
    const mapping = await within(dialog).findByRole('group', { name: 'Match the columns' })
    expect(within(mapping).getByRole('combobox', { name: 'Company name *' })).toHaveValue('Account Name')
    expect(within(mapping).getByRole('combobox', { name: 'Segment' })).toHaveValue('Tier')
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }))
    expect(await within(dialog).findByText('1 of 2 rows would be rejected:')).toBeInTheDocument()
    expect(within(dialog).getByText(/Line 3: Unknown segment "Z"/)).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled()
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Import the valid rows and skip the rejected ones' }),
    )
    await user.click(within(dialog).getByRole('button', { name: 'Import' }))
    expect(await within(dialog).findByText('Imported 1 of 2 rows.')).toBeInTheDocument()
    expect((await backend.call('companies:list')).map((c) => [c.name, c.segment, c.mrrMinor])).toEqual([
      ['Acme', 'A', 120_000],
    ])
  })

  it('the check lists every problem of a row and shows the cells that look like formulas', async () => {
    const user = userEvent.setup()
    renderUi(<ChurnScreen />)
    await user.click(await screen.findByRole('button', { name: 'Import companies CSV' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import companies' })
    const csv = 'name,segment,mrr,plan\nAcme,A,1200,"=HYPERLINK(""x"")"\nBad,Z,ten,Pro\n'
    await user.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([csv], 'crm.csv', { type: 'text/csv' }),
    )
    await user.click(await within(dialog).findByRole('button', { name: 'Check rows' }))
    expect(await within(dialog).findByText('1 of 2 rows would be rejected:')).toBeInTheDocument()
    const row = within(dialog).getByText('Line 3: 2 problems').closest('li')!
    expect(
      within(row)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Unknown segment "Z": use A, B, C, D or leave it empty',
      'MRR "ten" is not an amount such as 49.99',
    ])
    const formulas = within(dialog).getByRole('list', { name: 'Cells that look like formulas' })
    expect(within(formulas).getByRole('listitem')).toHaveTextContent('Line 2, plan: =HYPERLINK("x")')
  })
})
