/**
 * What the UI knows about the metric names agents report today (the contract's list): a
 * readable label and whether the name is in the default chart set. Any other name the server
 * lists is offered and plotted all the same, under its own name and formatted by its unit.
 */
export const HEAP_USED = 'jvm.memory.heap.used'
export const HEAP_MAX = 'jvm.memory.heap.max'

const LABELS: Readonly<Record<string, string>> = {
  [HEAP_USED]: 'Heap used',
  [HEAP_MAX]: 'Heap max',
  'jvm.memory.nonheap.used': 'Non-heap used',
  'jvm.gc.pause': 'GC pause',
  'jvm.threads.live': 'Live threads',
  'process.cpu.usage': 'CPU',
  'system.load.average.1m': 'Load average (1 min)',
  'camel.exchanges.rate': 'Exchanges per second',
  'camel.exchanges.failed.rate': 'Failed exchanges per second',
  'camel.exchanges.inflight': 'In-flight exchanges',
  'camel.routes.running': 'Routes running',
}

/**
 * The default set answers "is it the JVM (heap, GC, CPU) of one agent or all of them, and is
 * Camel keeping up": heap against its limit, GC, CPU, threads, throughput, failures, backlog.
 */
export const DEFAULT_METRICS: readonly string[] = [
  HEAP_USED,
  HEAP_MAX,
  'jvm.gc.pause',
  'process.cpu.usage',
  'jvm.threads.live',
  'camel.exchanges.rate',
  'camel.exchanges.failed.rate',
  'camel.exchanges.inflight',
]

export function metricLabel(name: string): string {
  return LABELS[name] ?? name
}

export function isKnownMetric(name: string): boolean {
  return name in LABELS
}
