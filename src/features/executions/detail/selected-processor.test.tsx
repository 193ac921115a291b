import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ProcessorExecution } from '@/lib/api/types'
import { SelectedProcessor } from './selected-processor'

const processor = (overrides: Partial<ProcessorExecution>): ProcessorExecution => ({
  processorId: 'to1',
  parentProcessorId: null,
  processorType: 'to',
  label: 'to(http://inventory)',
  endpointUri: 'http://inventory',
  startOffsetMs: 12,
  durationMs: 30,
  status: 'COMPLETED',
  errorMessage: null,
  iterations: null,
  snapshot: false,
  ...overrides,
})

describe('SelectedProcessor with values no real processor has', () => {
  it('shows a huge start offset and a broken duration as text instead of crashing', () => {
    render(
      <SelectedProcessor
        processor={processor({ startOffsetMs: 1e308, durationMs: Number.NaN })}
        row={null}
        executionStart="2026-12-01T09:00:00.000Z"
      />,
    )
    expect(screen.getByRole('heading', { name: 'Selected processor' })).toBeInTheDocument()
    expect(screen.getByText('invalid')).toBeInTheDocument()
    expect(screen.queryByRole('time')).not.toBeInTheDocument()
  })
})
