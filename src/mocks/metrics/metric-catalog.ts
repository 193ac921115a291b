/**
 * The metric names the mock's agents report, with their units: the contract's list plus one
 * name (and unit) the UI does not know, so its generic path is exercised. A new metric is a
 * new entry here and a new case in `metric-data.ts`'s `sampleValue`.
 */
export interface MetricDefinition {
  name: string
  unit: string
  description: string
}

export const METRICS = [
  { name: 'camel.exchanges.failed.rate', unit: '1/s', description: 'Exchanges failed per second' },
  { name: 'camel.exchanges.inflight', unit: 'count', description: 'Exchanges in flight' },
  {
    name: 'camel.exchanges.rate',
    unit: '1/s',
    description: 'Exchanges completed per second (all routes of the agent)',
  },
  { name: 'camel.routes.running', unit: 'count', description: 'Routes started' },
  { name: 'jvm.gc.pause', unit: 'ms', description: 'GC pause time in the bucket' },
  { name: 'jvm.memory.heap.max', unit: 'bytes', description: 'Heap limit' },
  { name: 'jvm.memory.heap.used', unit: 'bytes', description: 'Heap in use' },
  { name: 'jvm.memory.nonheap.used', unit: 'bytes', description: 'Metaspace, code cache' },
  { name: 'jvm.threads.live', unit: 'count', description: 'Live threads' },
  // Not in the contract's list: a server may report any name, in any unit.
  {
    name: 'kafka.consumer.records.lag',
    unit: 'records',
    description: 'Records the Kafka consumers are behind (max over partitions)',
  },
  { name: 'process.cpu.usage', unit: 'ratio', description: 'CPU of the JVM process' },
  { name: 'system.load.average.1m', unit: 'count', description: 'Host load average' },
] as const satisfies readonly MetricDefinition[]

export type MetricName = (typeof METRICS)[number]['name']

export function findMetric(name: string): MetricDefinition | undefined {
  return METRICS.find((metric) => metric.name === name)
}
