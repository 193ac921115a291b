import type { LogLevel } from '@/lib/api/types'
import type { Random } from '../random'

/**
 * What agents log besides their executions: one entry per kind of line, drawn by weight. A new
 * kind of line is a new entry here, not a new branch in the generator (see the mock README).
 * `message` gets a seeded stream so a line renders the same on every request.
 */

export interface LineScene {
  agentId: string
  applicationId: string
  hostname: string
  random: Random
}

export interface BackgroundKind {
  level: LogLevel
  weight: number
  logger: string
  thread: (scene: LineScene) => string
  message: (scene: LineScene) => string
  stackTrace?: (scene: LineScene) => string
}

const pool = (name: string) => (scene: LineScene) => `${name}-${scene.random.int(1, 8)}`

export const LEVELS: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']
export const levelRank = (level: LogLevel): number => LEVELS.indexOf(level)

function frames(random: Random, count: number, top: string[]): string {
  const lines = [...top]
  const pkgs = [
    'org.apache.kafka.clients.NetworkClient.poll(NetworkClient.java:591)',
    'org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient.poll(ConsumerNetworkClient.java:280)',
    'com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)',
    'org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:159)',
    'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)',
    'java.base/java.lang.Thread.run(Thread.java:1583)',
  ]
  for (let i = 0; i < count; i++) lines.push(`\tat ${random.pick(pkgs)}`)
  return lines.join('\n')
}

export const BACKGROUND: readonly BackgroundKind[] = [
  {
    level: 'DEBUG',
    weight: 22,
    logger: 'org.apache.kafka.clients.consumer.internals.Fetcher',
    thread: (s) => `Camel (camel-1) thread #${s.random.int(1, 12)} - KafkaConsumer[orders]`,
    message: (s) =>
      `[Consumer clientId=consumer-${s.applicationId}-1, groupId=${s.applicationId}] Fetch READ_UNCOMMITTED at offset ${s.random.int(100_000, 9_000_000)} for partition orders-${s.random.int(0, 11)} returned ${s.random.int(0, 40)} records`,
  },
  {
    level: 'INFO',
    weight: 30,
    logger: 'io.cameleer.agent.ExchangeReporter',
    thread: () => 'cameleer-reporter',
    message: (s) =>
      `Shipped ${s.random.int(1, 400)} exchange records and ${s.random.int(1, 60)} metric points to the Cameleer3 server in ${s.random.int(3, 90)} ms`,
  },
  {
    level: 'INFO',
    weight: 18,
    logger: 'com.zaxxer.hikari.pool.HikariPool',
    thread: () => 'HikariPool-1 housekeeper',
    message: (s) => {
      const total = 10
      const active = s.random.int(0, 9)
      return `HikariPool-1 - Pool stats (total=${total}, active=${active}, idle=${total - active}, waiting=${s.random.int(0, 2)})`
    },
  },
  {
    level: 'INFO',
    weight: 10,
    logger: 'io.cameleer.agent.Heartbeat',
    thread: () => 'cameleer-heartbeat',
    message: (s) =>
      `Heartbeat acknowledged by the Cameleer3 server (${s.random.int(4, 120)} ms), agent ${s.agentId} on ${s.hostname}`,
  },
  {
    level: 'DEBUG',
    weight: 8,
    logger: 'org.apache.camel.impl.engine.DefaultReactiveExecutor',
    thread: pool('Camel (camel-1) thread #'),
    message: (s) =>
      `Inflight repository: ${s.random.int(0, 40)} exchanges in flight, ${s.random.int(0, 3)} waiting on redelivery`,
  },
  {
    level: 'TRACE',
    weight: 3,
    logger: 'org.apache.camel.support.cache.DefaultProducerCache',
    thread: pool('Camel (camel-1) thread #'),
    message: (s) => `Producer cache hit ratio ${(s.random.float(0.8, 1) * 100).toFixed(1)} %`,
  },
  {
    level: 'INFO',
    weight: 4,
    logger: 'org.springframework.boot.actuate.health.HealthEndpointWebExtension',
    thread: pool('http-nio-8080-exec'),
    message: (s) =>
      `Health check UP (db: UP, kafka: UP, diskSpace: UP, free ${s.random.int(2, 80)} GB)`,
  },
  {
    level: 'WARN',
    weight: 3,
    logger: 'org.apache.kafka.clients.NetworkClient',
    thread: (s) => `kafka-producer-network-thread | producer-${s.applicationId}-1`,
    message: (s) =>
      `[Producer clientId=producer-${s.applicationId}-1] Connection to node ${s.random.int(1, 3)} (kafka-${s.random.int(1, 3)}.internal/10.12.${s.random.int(0, 31)}.${s.random.int(2, 254)}:9092) could not be established. Node may not be available.`,
  },
  {
    level: 'WARN',
    weight: 1.5,
    logger: 'com.zaxxer.hikari.pool.HikariPool',
    thread: () => 'HikariPool-1 housekeeper',
    message: (s) =>
      `HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=${s.random.int(61, 190)}s${s.random.int(0, 999)}ms).`,
  },
  {
    level: 'WARN',
    weight: 1,
    logger: 'io.micrometer.core.instrument.push.PushMeterRegistry',
    thread: () => 'cameleer-metrics-publisher',
    message: (s) =>
      `Failed to publish metrics, retrying in ${s.random.int(5, 30)} s: Read timed out`,
  },
  {
    level: 'ERROR',
    weight: 0.35,
    logger: 'org.apache.kafka.clients.consumer.internals.ConsumerCoordinator',
    thread: (s) => `Camel (camel-1) thread #${s.random.int(1, 12)} - KafkaConsumer[orders]`,
    message: (s) =>
      `[Consumer clientId=consumer-${s.applicationId}-1, groupId=${s.applicationId}] Offset commit failed on partition orders-${s.random.int(0, 11)}: The coordinator is not available.`,
    stackTrace: (s) =>
      frames(s.random, s.random.int(8, 20), [
        'org.apache.kafka.common.errors.CoordinatorNotAvailableException: The coordinator is not available.',
      ]),
  },
]

/** A short storm of connection errors on one agent (a broker or database blipping). */
export const BURST: BackgroundKind = {
  level: 'ERROR',
  weight: 0,
  logger: 'com.zaxxer.hikari.pool.ProxyConnection',
  thread: pool('Camel (camel-1) thread #'),
  message: () =>
    'HikariPool-1 - Connection org.postgresql.jdbc.PgConnection marked as broken because of SQLSTATE(08006), ErrorCode(0)',
  stackTrace: (s) =>
    frames(s.random, s.random.int(20, 60), [
      'org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.',
      '\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)',
    ]),
}

/** An agent whose route's dependency is down logs its retries (see the executions' incident). */
export const INCIDENT: BackgroundKind = {
  level: 'WARN',
  weight: 0,
  logger: 'org.apache.camel.processor.errorhandler.RedeliveryErrorHandler',
  thread: pool('Camel (camel-1) thread #'),
  message: (s) =>
    `Failed delivery, attempt ${s.random.int(1, 3)} of 3, retrying in ${s.random.int(1, 8)} s: java.net.SocketTimeoutException: Read timed out`,
}

/** A bulk JSON document logged for debugging: 5–20 KB. */
export const PAYLOAD: BackgroundKind = {
  level: 'DEBUG',
  weight: 0,
  logger: 'io.cameleer.agent.PayloadSampler',
  thread: pool('Camel (camel-1) thread #'),
  message: (s) => `Sampled payload ${jsonDocument(s.random, s.random.int(5_000, 20_000))}`,
}

/** The nightly reconciliation dump some teams log in full: over 1 MB on one line. */
export const HUGE: BackgroundKind = {
  level: 'INFO',
  weight: 0,
  logger: 'io.cameleer.batch.ReconciliationReport',
  thread: () => 'reconciliation-1',
  message: (s) =>
    `Reconciliation report ${jsonDocument(s.random, s.random.int(1_050_000, 1_300_000))}`,
}

/** Lines the bench asks for (mock setting `logLinesPerSecond`), small and INFO. */
export const BENCH: BackgroundKind = {
  level: 'INFO',
  weight: 0,
  logger: 'io.cameleer.bench.LoadGenerator',
  thread: () => 'bench-1',
  message: (s) => `Synthetic load line ${s.random.alnum(12)}`,
}

/** Compact JSON of about `bytes` characters: an order document with as many lines as fit. */
export function jsonDocument(random: Random, bytes: number): string {
  const items: string[] = []
  let size = 80
  let n = 0
  while (size < bytes) {
    const item = `{"line":${++n},"sku":"SKU-${random.int(10_000, 99_999)}","qty":${random.int(1, 12)},"price":${random.int(100, 99_999) / 100},"warehouse":"${random.pick(['DE-FRA-1', 'NL-AMS-2', 'PL-WAW-1'])}","note":"${random.alnum(random.int(4, 24))}"}`
    items.push(item)
    size += item.length + 1
  }
  return `{"orderId":"ORD-${random.int(1_000_000, 9_999_999)}","currency":"EUR","lines":[${items.join(',')}]}`
}
