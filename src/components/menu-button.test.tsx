import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MenuButton } from './menu-button'

function setup() {
  const chosen = vi.fn()
  const items = ['Stop', 'Suspend', 'Resume'].map((text) => ({
    text,
    label: `${text} orders-in`,
    onSelect: () => chosen(text),
  }))
  render(
    <>
      <MenuButton label="Actions for orders-in" text="Actions" items={items} />
      <button type="button">After</button>
    </>,
  )
  return { chosen, button: screen.getByRole('button', { name: 'Actions for orders-in' }) }
}

describe('MenuButton', () => {
  it('opens on ArrowUp at the last item; arrows wrap, Home and End jump', async () => {
    const user = userEvent.setup()
    const { button } = setup()
    expect(button).toHaveAttribute('aria-expanded', 'false')
    button.focus()
    await user.keyboard('{ArrowUp}')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('menuitem', { name: 'Resume orders-in' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Stop orders-in' })).toHaveFocus()
    await user.keyboard('{End}')
    expect(screen.getByRole('menuitem', { name: 'Resume orders-in' })).toHaveFocus()
    await user.keyboard('{Home}')
    expect(screen.getByRole('menuitem', { name: 'Stop orders-in' })).toHaveFocus()
  })

  it('chooses with Space and gives focus back to the button', async () => {
    const user = userEvent.setup()
    const { button, chosen } = setup()
    await user.click(button)
    await user.keyboard('{ArrowDown} ')
    expect(chosen).toHaveBeenCalledWith('Suspend')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(button).toHaveFocus()
  })

  it('closes on Tab and on a click elsewhere without choosing', async () => {
    const user = userEvent.setup()
    const { button, chosen } = setup()
    await user.click(button)
    await user.tab()
    expect(screen.queryByRole('menu')).toBeNull()
    await user.click(button)
    expect(screen.getByRole('menu', { name: 'Actions for orders-in' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'After' }))
    expect(screen.queryByRole('menu')).toBeNull()
    expect(chosen).not.toHaveBeenCalled()
  })
})
