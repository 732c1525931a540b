import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DeleteButton } from '../../src/renderer/src/components/DeleteButton'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
})
afterEach(() => backend.cleanup())

async function companyWithTwoPeople() {
  const company = await backend.call('companies:create', { name: 'Acme', segment: 'B', mrrMinor: 120_000 })
  const ann = await backend.call('participants:create', { name: 'Ann Lee', companyId: company.id })
  const bob = await backend.call('participants:create', { name: 'Bob Roy', companyId: company.id })
  return { company, ann, bob }
}

describe('Deleting a company', () => {
  it('shows what the delete affects before deleting anything; Cancel deletes nothing', async () => {
    const user = userEvent.setup()
    const { company } = await companyWithTwoPeople()
    const onDeleted = vi.fn()
    renderUi(<DeleteButton domain="companies" id={company.id} onDeleted={onDeleted} />)

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete company “Acme”?' })
    expect(await within(dialog).findByText('2 people stay, without a company.')).toBeInTheDocument()
    expect(backend.calls.map((c) => c.channel)).not.toContain('companies:delete')
    expect((await backend.call('companies:list')).map((c) => c.name)).toEqual(['Acme'])

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(onDeleted).not.toHaveBeenCalled()
    expect(backend.calls.map((c) => c.channel)).not.toContain('companies:delete')
    expect((await backend.call('companies:list')).map((c) => c.name)).toEqual(['Acme'])
    expect(await backend.call('participants:list')).toHaveLength(2)
  })

  it('deletes the company on confirmation and keeps its people, now without a company', async () => {
    const user = userEvent.setup()
    const { company, ann, bob } = await companyWithTwoPeople()
    const onDeleted = vi.fn()
    renderUi(<DeleteButton domain="companies" id={company.id} onDeleted={onDeleted} />)

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete company “Acme”?' })
    await within(dialog).findByText('2 people stay, without a company.')
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }))

    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await backend.call('companies:list')).toEqual([])
    const people = await backend.call('participants:list')
    expect(people.map((p) => [p.id, p.name, p.companyId]).sort()).toEqual(
      [
        [ann.id, 'Ann Lee', null],
        [bob.id, 'Bob Roy', null],
      ].sort(),
    )
  })

  it('says when nothing else is affected', async () => {
    const user = userEvent.setup()
    const company = await backend.call('companies:create', { name: 'Solo' })
    renderUi(<DeleteButton domain="companies" id={company.id} onDeleted={() => {}} />)
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete company “Solo”?' })
    expect(await within(dialog).findByText('Nothing else is affected.')).toBeInTheDocument()
  })

  it('speaks Russian, with the record named in the right case and the count in the right form', async () => {
    await setLanguage('ru')
    try {
      const user = userEvent.setup()
      const { company } = await companyWithTwoPeople()
      renderUi(<DeleteButton domain="companies" id={company.id} onDeleted={() => {}} />)
      await user.click(screen.getByRole('button', { name: 'Удалить' }))
      const dialog = await screen.findByRole('dialog', { name: 'Удалить компанию «Acme»?' })
      expect(await within(dialog).findByText('2 участника останутся — без компании.')).toBeInTheDocument()
      expect(within(dialog).getByRole('button', { name: 'Удалить безвозвратно' })).toBeEnabled()
    } finally {
      await setLanguage('en')
    }
  })
})
