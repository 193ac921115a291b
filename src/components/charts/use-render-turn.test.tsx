import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useValueInTurn } from './use-render-turn'

function Chart({ name, wants = true, data = 1 }: { name: string; wants?: boolean; data?: number }) {
  const drawn = useValueInTurn(data, wants)
  return <p>{`${name}: ${drawn === undefined ? 'waiting' : `drawn ${drawn}`}`}</p>
}

/** Lets the queue's next macrotask run (and React commit what it granted). */
const nextTask = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)))

// The queue is the module's: let the last turn's hand-over run before the next test.
afterEach(() => nextTask())

describe('useRenderTurn', () => {
  it('lets charts that are ready together mount one per task, in order', async () => {
    render(
      <>
        <Chart key="a" name="a" />
        <Chart key="b" name="b" />
        <Chart key="c" name="c" />
      </>,
    )
    expect(screen.getByText('a: drawn 1')).toBeInTheDocument()
    expect(screen.getByText('b: waiting')).toBeInTheDocument()
    expect(screen.getByText('c: waiting')).toBeInTheDocument()
    await nextTask()
    expect(screen.getByText('b: drawn 1')).toBeInTheDocument()
    expect(screen.getByText('c: waiting')).toBeInTheDocument()
    await nextTask()
    expect(screen.getByText('c: drawn 1')).toBeInTheDocument()
  })

  it('skips a chart that stopped waiting, and one that does not want a turn never gets one', async () => {
    const { rerender } = render(
      <>
        <Chart key="a" name="a" />
        <Chart key="b" name="b" />
        <Chart key="c" name="c" />
        <Chart key="d" name="d" wants={false} />
      </>,
    )
    rerender(
      <>
        <Chart key="a" name="a" />
        <Chart key="c" name="c" />
        <Chart key="d" name="d" wants={false} />
      </>,
    )
    await nextTask()
    expect(screen.getByText('c: drawn 1')).toBeInTheDocument()
    await nextTask()
    await nextTask()
    expect(screen.getByText('d: waiting')).toBeInTheDocument()
    // The queue is free again: a chart that becomes ready later is drawn at once.
    rerender(
      <>
        <Chart key="a" name="a" />
        <Chart key="c" name="c" />
        <Chart key="d" name="d" />
      </>,
    )
    expect(screen.getByText('d: drawn 1')).toBeInTheDocument()
  })

  it('gives new data a turn too, drawing the last data it had until then', async () => {
    const charts = (data: number) => (
      <>
        <Chart key="a" name="a" data={data} />
        <Chart key="b" name="b" data={data} />
      </>
    )
    const { rerender } = render(charts(1))
    await nextTask()
    expect(screen.getByText('b: drawn 1')).toBeInTheDocument()
    await nextTask()
    rerender(charts(2))
    expect(screen.getByText('a: drawn 2')).toBeInTheDocument()
    expect(screen.getByText('b: drawn 1')).toBeInTheDocument()
    // Newer data while still waiting keeps the place in line and is what gets drawn.
    rerender(charts(3))
    await nextTask()
    expect(screen.getByText('b: drawn 3')).toBeInTheDocument()
    await nextTask()
    expect(screen.getByText('a: drawn 3')).toBeInTheDocument()
  })
})
