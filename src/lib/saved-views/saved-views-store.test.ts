import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { switchStorageTenant } from '@/lib/tenant-storage'
import { isInAppUrl, savedViewsOf, useSavedViewsStore } from './saved-views-store'

const store = () => useSavedViewsStore.getState()
const mine = (userId: string) => savedViewsOf(store().views, userId)

describe('saved views', () => {
  beforeEach(() => {
    localStorage.clear()
    switchStorageTenant('acme', { wipe: false })
  })
  afterEach(() => switchStorageTenant(null, { wipe: false }))

  it('saves, renames and deletes a view of the signed-in user', () => {
    const view = store().save({
      userId: 'admin@acme',
      name: '  Failed   in staging ',
      url: '/executions?env=staging&status=FAILED',
    })
    expect(mine('admin@acme')).toEqual([
      expect.objectContaining({
        name: 'Failed in staging',
        url: '/executions?env=staging&status=FAILED',
      }),
    ])
    store().rename('admin@acme', view.id, 'Staging failures')
    expect(mine('admin@acme').map((v) => v.name)).toEqual(['Staging failures'])
    store().rename('admin@acme', view.id, '   ') // an empty name is refused, the old one kept
    expect(mine('admin@acme').map((v) => v.name)).toEqual(['Staging failures'])
    store().remove('admin@acme', view.id)
    expect(mine('admin@acme')).toEqual([])
  })

  it('keeps each user’s views to that user, within one tenant', () => {
    const view = store().save({ userId: 'admin@acme', name: 'Mine', url: '/agents?env=prod' })
    expect(mine('dev@acme')).toEqual([])
    store().rename('dev@acme', view.id, 'Taken over')
    store().remove('dev@acme', view.id)
    expect(mine('admin@acme').map((v) => v.name)).toEqual(['Mine'])
  })

  it('persists per tenant and is read back for the same tenant', () => {
    store().save({ userId: 'admin@acme', name: 'Prod agents', url: '/agents?env=prod' })
    switchStorageTenant(null, { wipe: false })
    expect(store().views).toEqual([])
    switchStorageTenant('acme', { wipe: false })
    expect(mine('admin@acme').map((v) => v.name)).toEqual(['Prod agents'])
  })

  it('is wiped with the tenant’s other preferences when another tenant signs in', () => {
    store().save({ userId: 'admin@acme', name: 'Prod agents', url: '/agents?env=prod' })
    expect(localStorage.getItem('cameleer3:tenant:acme:saved-views')).toContain('Prod agents')
    switchStorageTenant('beta', { wipe: true })
    expect(store().views).toEqual([])
    expect(localStorage.getItem('cameleer3:tenant:acme:saved-views')).toBeNull()
    switchStorageTenant('acme', { wipe: false })
    expect(store().views).toEqual([])
  })

  it('refuses urls that leave the app, on save and when read from storage', () => {
    for (const url of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/agents#access_token=x',
    ]) {
      expect(isInAppUrl(url)).toBe(false)
      expect(() => store().save({ userId: 'admin@acme', name: 'x', url })).toThrow()
    }
    localStorage.setItem(
      'cameleer3:tenant:acme:saved-views',
      JSON.stringify({
        version: 1,
        state: {
          views: [
            { id: '1', userId: 'admin@acme', name: 'Evil', url: '//evil.example', savedAt: 'x' },
            { id: '2', userId: 'admin@acme', name: 'Fine', url: '/agents?env=dev', savedAt: 'x' },
            'garbage',
          ],
        },
      }),
    )
    switchStorageTenant('acme', { wipe: false })
    expect(mine('admin@acme').map((v) => v.name)).toEqual(['Fine'])
  })
})
