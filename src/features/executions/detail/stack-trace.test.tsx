import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { splitStackTrace, StackTrace, TOP_FRAMES } from './stack-trace'

const trace = [
  'org.apache.camel.CamelExchangeException: Failed to deliver to http://inventory/reserve',
  ...Array.from(
    { length: 30 },
    (_, i) => `\tat org.apache.camel.Frame${i}.process(Frame${i}.java:${i + 10})`,
  ),
  'Caused by: java.net.ConnectException: Connection refused',
  '\tat java.base/sun.nio.ch.Net.connect0(Native Method)',
  '\t... 12 more',
].join('\n')

describe('splitStackTrace', () => {
  it('keeps the exception and its top frames in the head, and lists the causes', () => {
    const parts = splitStackTrace(trace)
    expect(parts.head.split('\n')).toHaveLength(1 + TOP_FRAMES)
    expect(parts.head).toMatch(/^org\.apache\.camel\.CamelExchangeException/)
    expect(parts.causes).toEqual(['Caused by: java.net.ConnectException: Connection refused'])
    expect(`${parts.head}\n${parts.rest}`).toBe(trace)
  })

  it('has no rest for a short trace', () => {
    expect(splitStackTrace('java.lang.IllegalStateException: boom')).toMatchObject({
      restLines: 0,
      causes: [],
    })
  })
})

describe('StackTrace', () => {
  it('shows the exception, the top frames and the root cause without a click; the rest expands', async () => {
    render(<StackTrace stackTrace={trace} />)
    const top = screen.getByLabelText('Top of the stack trace')
    expect(top).toBeVisible()
    expect(top).toHaveTextContent('CamelExchangeException: Failed to deliver')
    expect(top).toHaveTextContent('Frame0.process')
    expect(top).not.toHaveTextContent(`Frame${TOP_FRAMES}.process`)
    expect(
      within(screen.getByRole('list', { name: 'Causes' })).getByText(/ConnectException/),
    ).toBeVisible()
    expect(screen.queryByText(/Frame20\.process/)).not.toBeVisible()

    const more = screen.getByRole('button', { name: /Show the full stack trace \(28 more lines\)/ })
    expect(more).toHaveAttribute('aria-expanded', 'false')
    await userEvent.setup().click(more)
    expect(screen.getByText(/Frame20\.process/)).toBeVisible()
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })
})
