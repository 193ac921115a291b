import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { formatBytes } from '@/lib/format'
import { utf8Length } from '@/lib/body-format'
import { MessageBody } from './message-body'

describe('MessageBody', () => {
  it('says when there is no body', () => {
    render(<MessageBody title="Output body" body={null} />)
    expect(screen.getByRole('region', { name: 'Output body' })).toHaveTextContent('No body')
    expect(screen.queryByRole('button', { name: 'Copy output body' })).toBeNull()
  })

  it('collapses a long body behind "Show full body", and shows all of it on demand', async () => {
    const user = userEvent.setup()
    const items = Array.from({ length: 300 }, (_, i) => ({ sku: `SKU-${i}`, qty: i }))
    const body = JSON.stringify({ items })
    render(<MessageBody title="Input body" body={body} />)

    const toggle = screen.getByRole('button', {
      name: `Show full body (${formatBytes(utf8Length(body))})`,
    })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText(/SKU-299/)).toBeNull()

    await user.click(toggle)
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    expect(screen.getByText(/"sku": "SKU-299"/)).toBeInTheDocument()
  })

  it('copies the body as captured, and can show it that way', async () => {
    const user = userEvent.setup()
    const body = '{"a":1}'
    render(<MessageBody title="Input body" body={body} />)
    expect(screen.getByText(/JSON, formatted/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Copy input body' }))
    expect(await navigator.clipboard.readText()).toBe(body)
    expect(screen.getByRole('status')).toHaveTextContent('Copied')

    await user.click(screen.getByRole('button', { name: 'Show as captured' }))
    expect(screen.getByText(body)).toBeInTheDocument()
  })

  it('renders markup in a body as text, never as HTML', () => {
    render(<MessageBody title="Input body" body={'<img src=x onerror="alert(1)">'} />)
    expect(document.querySelector('img')).toBeNull()
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument()
  })
})
