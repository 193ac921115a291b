import { Component, lazy, Suspense, type ReactNode } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import type { RouteDiagramProps } from './route-diagram'

// xyflow and dagre load only when a diagram is shown, never with the page that links to it.
const RouteDiagram = lazy(() =>
  import('./route-diagram').then((module) => ({ default: module.RouteDiagram })),
)

/** The route diagram, loaded on first use; a failure to load or draw it costs the diagram only. */
export function LazyRouteDiagram(props: RouteDiagramProps) {
  return (
    <DiagramErrorBoundary>
      <Suspense fallback={<LoadingState label="Loading the diagram view…" />}>
        <RouteDiagram {...props} />
      </Suspense>
    </DiagramErrorBoundary>
  )
}

/**
 * A failed chunk download or a rendering error in the diagram library costs the diagram, not
 * the page: the rest of it stays readable.
 */
class DiagramErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title="The route diagram could not be shown"
          error={this.state.error}
          onRetry={() => window.location.reload()}
        />
      )
    }
    return this.props.children
  }
}
