import type { Random } from '../random'
import type { ProcessorNode } from '../topology/topology'

/**
 * Why an exchange failed, and the Java stack trace an agent would capture for it: the
 * exception a component really throws for that kind of endpoint, Camel's producer, processor
 * and consumer frames for where it happened, and the lower-level `Caused by:`.
 */

/** Every failure kind the mock renders: the keys of `FAILURES` below. */
export type FailureCode = keyof typeof FAILURES

export interface FailureKind {
  code: FailureCode
  /** The failure spent its time waiting (timeouts), so the failing call dominates the trace. */
  slow: boolean
  /** For `http-status`. */
  httpStatus: number
}

const kind = (code: FailureCode, slow = false, httpStatus = 0): FailureKind => ({
  code,
  slow,
  httpStatus,
})

export function chooseFailureKind(
  node: ProcessorNode | undefined,
  random: Random,
  { timedOut, incident }: { timedOut: boolean; incident: boolean },
): FailureKind {
  if (!node) return kind('bean-illegal-state')
  const uri = node.endpointUri ?? ''
  const scheme = uri.split(':')[0] ?? ''
  switch (node.type) {
    case 'throwException':
      return kind('thrown')
    case 'bean':
      return kind(random.bool(0.6) ? 'bean-npe' : 'bean-illegal-state')
    case 'unmarshal':
      return kind(
        /csv/.test(node.label)
          ? 'csv-parse'
          : /jaxb|soap/.test(node.label)
            ? 'xml-unmarshal'
            : 'json-mismatch',
      )
    case 'marshal':
      return kind('bean-illegal-state')
    case 'transform':
      return kind('simple-expression')
    case 'wireTap':
      return kind('kafka-timeout', true)
  }
  switch (scheme) {
    case 'http':
    case 'https':
      if (timedOut) return kind('http-read-timeout', true)
      if (incident) return kind('http-status', false, 503)
      return random.weighted<FailureKind>([
        [kind('http-status', false, random.pick([500, 502, 503, 504])), 5],
        [kind('http-read-timeout', true), 3],
        [kind('http-connect'), 1],
      ])
    case 'sms-gateway':
      return kind('http-status', false, 429)
    case 'sql':
      if (timedOut || incident) return kind('sql-pool-timeout', true)
      return random.weighted<FailureKind>([
        [kind('sql-pool-timeout', true), 2],
        [kind('sql-deadlock'), 2],
        [kind('sql-duplicate-key'), 1],
      ])
    case 'kafka':
      return kind('kafka-timeout', true)
    case 'jms':
      return kind('jms-connection')
    case 'smtp':
      return kind('smtp-connect', timedOut)
    case 'sftp':
      return kind('sftp-auth')
    case 'file':
      return kind('file-write')
    case 'aws2-s3':
      return kind('s3-denied')
    case 'direct':
      return kind('direct-no-consumer')
    default:
      return kind('bean-illegal-state')
  }
}

export interface FailureContext {
  tenantId: string
  applicationId: string
  /** The failing processor. */
  node: ProcessorNode
  /** Its endpoint as resolved for this exchange (dynamic parts filled in). */
  resolvedUri: string
  /** Its enclosing processors, innermost first. */
  ancestors: readonly ProcessorNode[]
  /** The route's consumer endpoint. */
  fromUri: string
  exchangeId: string
  /** The business id the route is about (an order, a claim…), for exception messages. */
  businessKey: string
  random: Random
}

export interface RenderedFailure {
  /** The execution's and the failing processor's `errorMessage`. */
  message: string
  stackTrace: string
}

/** What a template knows when it writes its texts: the failing call, resolved for this exchange. */
interface FailureScene {
  context: FailureContext
  node: ProcessorNode
  random: Random
  /** The processor's endpoint URI as configured. */
  uri: string
  /** The endpoint as called, without its query. */
  url: string
  /** The host of an http(s) endpoint, `localhost` otherwise. */
  host: string
  /** The application's Java package, e.g. `com.acme.orderservice`. */
  pkg: string
  /** For `http-status`. */
  httpStatus: number
}

type SceneText = string | ((scene: FailureScene) => string)

interface ExceptionTemplate {
  className: SceneText
  message: SceneText
}

/**
 * One failure kind: the exception the component throws (`exception`), the lower-level cause
 * it wraps and the frames below that cause. `exception: 'camel-wrapped'` is Camel rethrowing
 * a checked or runtime exception from user code as a `RuntimeCamelException` whose message
 * is `<cause class>: <cause message>`.
 */
interface FailureTemplate {
  exception: ExceptionTemplate | 'camel-wrapped'
  cause: ExceptionTemplate
  causeFrames: readonly string[] | ((scene: FailureScene) => string[])
}

/** With `withStackTrace` false, only the message is built (for summaries). */
export function renderFailure(
  failure: FailureKind,
  context: FailureContext,
  withStackTrace = true,
): RenderedFailure {
  const { node, random } = context
  const uri = node.endpointUri ?? ''
  const scene: FailureScene = {
    context,
    node,
    random,
    uri,
    url: context.resolvedUri.split('?')[0] ?? uri,
    host: /^https?:\/\/([^/:?]+)/.exec(uri)?.[1] ?? 'localhost',
    pkg: packageOf(context.tenantId, context.applicationId),
    httpStatus: failure.httpStatus,
  }
  const template = FAILURES[failure.code]
  // In this order (the exception, its cause, the cause's frames): texts draw from `random`.
  const thrown =
    template.exception === 'camel-wrapped' ? null : renderException(template.exception, scene)
  const cause = renderException(template.cause, scene)
  const causeFrames = textOf(template.causeFrames, scene)
  const top = thrown ?? {
    className: 'org.apache.camel.RuntimeCamelException',
    message: `${cause.className}: ${cause.message}`,
  }

  if (!withStackTrace) return { message: top.message, stackTrace: '' }
  const frames = [
    ...producerFrames(node, scene.pkg),
    ...context.ancestors.flatMap(containerFrames),
    ...PIPELINE_FRAMES,
    ...consumerFrames(context.fromUri),
  ]
  const lines = [`${top.className}: ${top.message}`, ...frames.map((frame) => `\tat ${frame}`)]
  lines.push(`Caused by: ${cause.className}: ${cause.message}`)
  lines.push(...causeFrames.map((frame) => `\tat ${frame}`))
  lines.push(`\t... ${frames.length - 2} more`)
  return { message: top.message, stackTrace: lines.join('\n') }
}

function renderException(
  template: ExceptionTemplate,
  scene: FailureScene,
): { className: string; message: string } {
  const className = textOf(template.className, scene)
  return { className, message: textOf(template.message, scene) }
}

function textOf<T>(text: T | ((scene: FailureScene) => T), scene: FailureScene): T {
  return typeof text === 'function' ? (text as (scene: FailureScene) => T)(scene) : text
}

const HTTP_REASONS: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const POSTGRES_FRAMES = [
  'org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)',
  'org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)',
  'org.postgresql.jdbc.PgPreparedStatement.executeWithFlags(PgPreparedStatement.java:152)',
  'com.zaxxer.hikari.pool.HikariProxyPreparedStatement.execute(HikariProxyPreparedStatement.java)',
  'org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:658)',
]

const PIPELINE_FRAMES = [
  'org.apache.camel.processor.errorhandler.RedeliveryErrorHandler$SimpleTask.run(RedeliveryErrorHandler.java:477)',
  'org.apache.camel.impl.engine.DefaultReactiveExecutor$Worker.schedule(DefaultReactiveExecutor.java:181)',
  'org.apache.camel.impl.engine.DefaultReactiveExecutor.scheduleMain(DefaultReactiveExecutor.java:59)',
  'org.apache.camel.processor.Pipeline.process(Pipeline.java:165)',
  'org.apache.camel.impl.engine.CamelInternalProcessor.process(CamelInternalProcessor.java:392)',
]

/**
 * Every failure kind, as data: add a kind by adding an entry (and choosing it in
 * `chooseFailureKind`). Texts are strings or functions of the scene; functions run in the
 * order exception, cause, cause frames, which fixes what each draws from `random`.
 */
const FAILURES = {
  'http-status': {
    exception: {
      className: 'org.apache.camel.http.base.HttpOperationFailedException',
      message: ({ url, httpStatus }) =>
        `HTTP operation failed invoking ${url} with statusCode: ${httpStatus}`,
    },
    cause: {
      className: 'org.apache.hc.client5.http.HttpResponseException',
      message: ({ httpStatus }) =>
        `status code: ${httpStatus}, reason phrase: ${HTTP_REASONS[httpStatus] ?? 'Error'}`,
    },
    causeFrames: [
      'org.apache.camel.component.http.HttpProducer.populateHttpOperationFailedException(HttpProducer.java:482)',
      'org.apache.camel.component.http.HttpProducer.executeMethod(HttpProducer.java:437)',
    ],
  },
  'http-read-timeout': {
    exception: {
      className: 'org.apache.camel.CamelExchangeException',
      message: ({ url, context }) =>
        `Error invoking ${url}: Read timed out. Exchange[${context.exchangeId}]`,
    },
    cause: { className: 'java.net.SocketTimeoutException', message: 'Read timed out' },
    causeFrames: [
      'java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)',
      'java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)',
      'java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:346)',
      'java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)',
      'org.apache.hc.core5.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:149)',
      'org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser.parse(DefaultHttpResponseParser.java:55)',
    ],
  },
  'http-connect': {
    exception: {
      className: 'org.apache.hc.client5.http.HttpHostConnectException',
      message: ({ url, host, random }) =>
        `Connect to ${url.split('/').slice(0, 3).join('/')} [${host}/10.${random.int(0, 63)}.${random.int(0, 255)}.${random.int(2, 254)}] failed: Connection refused`,
    },
    cause: { className: 'java.net.ConnectException', message: 'Connection refused' },
    causeFrames: [
      'java.base/sun.nio.ch.Net.pollConnect(Native Method)',
      'java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)',
      'java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)',
      'java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)',
      'org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator.connect(DefaultHttpClientConnectionOperator.java:188)',
    ],
  },
  'sql-pool-timeout': {
    exception: {
      className: 'org.springframework.jdbc.CannotGetJdbcConnectionException',
      message: 'Failed to obtain JDBC Connection',
    },
    cause: {
      className: 'java.sql.SQLTransientConnectionException',
      message:
        'HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=37)',
    },
    causeFrames: [
      'com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)',
      'com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)',
      'com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)',
      'com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:99)',
      'org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)',
    ],
  },
  'sql-deadlock': {
    exception: {
      className: 'org.springframework.dao.CannotAcquireLockException',
      message: ({ uri }) =>
        `PreparedStatementCallback; SQL [${sqlOf(uri)}]; ERROR: deadlock detected`,
    },
    cause: {
      className: 'org.postgresql.util.PSQLException',
      message: ({ random }) =>
        `ERROR: deadlock detected\n  Detail: Process ${random.int(20000, 40000)} waits for ShareLock on transaction ${random.int(1e6, 9e6)}; blocked by process ${random.int(20000, 40000)}.`,
    },
    causeFrames: POSTGRES_FRAMES,
  },
  'sql-duplicate-key': {
    exception: {
      className: 'org.springframework.dao.DuplicateKeyException',
      message: ({ uri }) =>
        `PreparedStatementCallback; SQL [${sqlOf(uri)}]; ERROR: duplicate key value violates unique constraint`,
    },
    cause: {
      className: 'org.postgresql.util.PSQLException',
      message: ({ context }) =>
        `ERROR: duplicate key value violates unique constraint\n  Detail: Key (id)=(${context.businessKey}) already exists.`,
    },
    causeFrames: POSTGRES_FRAMES,
  },
  'kafka-timeout': {
    exception: {
      className: 'org.apache.kafka.common.errors.TimeoutException',
      message: ({ uri, random }) =>
        `Expiring 1 record(s) for ${(uri.split(':')[1] ?? 'events').split('?')[0]}-${random.int(0, 11)}:120000 ms has passed since batch creation`,
    },
    cause: {
      className: 'org.apache.kafka.common.errors.NotLeaderOrFollowerException',
      message:
        'For requests intended only for the leader, this error indicates that the broker is not the current leader.',
    },
    causeFrames: [
      'org.apache.kafka.clients.producer.internals.Sender.completeBatch(Sender.java:617)',
      'org.apache.kafka.clients.producer.internals.Sender.handleProduceResponse(Sender.java:568)',
    ],
  },
  'jms-connection': {
    exception: {
      className: 'org.springframework.jms.UncategorizedJmsException',
      message:
        'Uncategorized exception occurred during JMS processing; nested exception is jakarta.jms.JMSException: Could not connect to broker URL: tcp://activemq:61616. Reason: java.net.ConnectException: Connection refused',
    },
    cause: {
      className: 'jakarta.jms.JMSException',
      message:
        'Could not connect to broker URL: tcp://activemq:61616. Reason: java.net.ConnectException: Connection refused',
    },
    causeFrames: [
      'org.apache.activemq.util.JMSExceptionSupport.create(JMSExceptionSupport.java:36)',
      'org.apache.activemq.ActiveMQConnectionFactory.createActiveMQConnection(ActiveMQConnectionFactory.java:333)',
      'org.springframework.jms.connection.CachingConnectionFactory.doCreateConnection(CachingConnectionFactory.java:68)',
    ],
  },
  'smtp-connect': {
    exception: {
      className: 'org.springframework.mail.MailSendException',
      message:
        'Mail server connection failed. Failed messages: jakarta.mail.MessagingException: Could not connect to SMTP host: mail.internal, port: 587',
    },
    cause: {
      className: 'jakarta.mail.MessagingException',
      message: 'Could not connect to SMTP host: mail.internal, port: 587, response: 421',
    },
    causeFrames: [
      'org.eclipse.angus.mail.smtp.SMTPTransport.openServer(SMTPTransport.java:2298)',
      'org.eclipse.angus.mail.smtp.SMTPTransport.protocolConnect(SMTPTransport.java:757)',
      'jakarta.mail.Service.connect(Service.java:345)',
    ],
  },
  'sftp-auth': {
    exception: {
      className: 'org.apache.camel.component.file.GenericFileOperationFailedException',
      message: ({ url }) => `Cannot connect to ${url}`,
    },
    cause: {
      className: 'com.jcraft.jsch.JSchException',
      message: "Auth fail for methods 'publickey,password'",
    },
    causeFrames: [
      'com.jcraft.jsch.Session.connect(Session.java:532)',
      'org.apache.camel.component.file.remote.SftpOperations.tryConnect(SftpOperations.java:164)',
    ],
  },
  'file-write': {
    exception: {
      className: 'org.apache.camel.component.file.GenericFileOperationFailedException',
      message: ({ url }) => `Cannot write file: ${url.replace(/^file:/, '')}`,
    },
    cause: {
      className: 'java.nio.file.FileSystemException',
      message: ({ url }) => `${url.replace(/^file:/, '')}: No space left on device`,
    },
    causeFrames: [
      'java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:100)',
      'java.base/sun.nio.fs.UnixChannelFactory.newFileChannel(UnixChannelFactory.java:175)',
    ],
  },
  's3-denied': {
    exception: {
      className: 'software.amazon.awssdk.services.s3.model.S3Exception',
      message: ({ random }) =>
        `Access Denied (Service: S3, Status Code: 403, Request ID: ${random.hex(16).toUpperCase()})`,
    },
    cause: {
      className: 'software.amazon.awssdk.core.exception.SdkClientException',
      message: 'The security token included in the request is expired',
    },
    causeFrames: [
      'software.amazon.awssdk.core.internal.http.pipeline.stages.HandleResponseStage.handleErrorResponse(HandleResponseStage.java:96)',
    ],
  },
  'direct-no-consumer': {
    exception: {
      className: 'org.apache.camel.component.direct.DirectConsumerNotAvailableException',
      message: ({ uri, context }) =>
        `No consumers available on endpoint: ${uri.replace(/^direct:/, 'direct://')}. Exchange[${context.exchangeId}]`,
    },
    cause: {
      className: 'java.lang.IllegalStateException',
      message: ({ uri }) =>
        `Route ${uri.replace(/^direct:/, '')} is stopping (graceful shutdown in progress)`,
    },
    causeFrames: [
      'org.apache.camel.impl.engine.DefaultShutdownStrategy.doShutdown(DefaultShutdownStrategy.java:264)',
    ],
  },
  'bean-npe': {
    exception: 'camel-wrapped',
    cause: {
      className: 'java.lang.NullPointerException',
      message: ({ pkg }) =>
        `Cannot invoke "String.trim()" because the return value of "${pkg}.model.Address.getPostalCode()" is null`,
    },
    causeFrames: ({ node, pkg, random }) => {
      const { className, method } = beanOf(node, pkg)
      return [
        `${className}.normalize(${simpleName(className)}.java:${random.int(40, 180)})`,
        `${className}.${method}(${simpleName(className)}.java:${random.int(40, 180)})`,
      ]
    },
  },
  'bean-illegal-state': {
    exception: 'camel-wrapped',
    cause: {
      className: 'java.lang.IllegalStateException',
      message: ({ context }) =>
        `${context.businessKey} is in state ARCHIVED and cannot be processed`,
    },
    causeFrames: ({ node, pkg, random }) => {
      const { className, method } = beanOf(node, pkg)
      return [`${className}.${method}(${simpleName(className)}.java:${random.int(40, 180)})`]
    },
  },
  'json-mismatch': {
    exception: {
      className: 'com.fasterxml.jackson.databind.exc.MismatchedInputException',
      message: ({ node, pkg }) =>
        `Cannot deserialize value of type \`java.math.BigDecimal\` from String "n/a": not a valid representation (through reference chain: ${pkg}.model.${/\((\w+)\)/.exec(node.label)?.[1] ?? 'Object'}["total"])`,
    },
    cause: {
      className: 'java.lang.NumberFormatException',
      message:
        'Character n is neither a decimal digit number, decimal point, nor "e" notation exponential mark.',
    },
    causeFrames: [
      'java.base/java.math.BigDecimal.<init>(BigDecimal.java:608)',
      'com.fasterxml.jackson.core.io.BigDecimalParser.parse(BigDecimalParser.java:46)',
    ],
  },
  'csv-parse': {
    exception: 'camel-wrapped',
    cause: {
      className: 'java.io.IOException',
      message: ({ random }) =>
        `(line ${random.int(2, 400)}) invalid char between encapsulated token and delimiter`,
    },
    causeFrames: [
      'org.apache.commons.csv.Lexer.parseEncapsulatedToken(Lexer.java:288)',
      'org.apache.commons.csv.CSVParser.nextRecord(CSVParser.java:858)',
    ],
  },
  'xml-unmarshal': {
    exception: {
      className: 'jakarta.xml.bind.UnmarshalException',
      message:
        'unexpected element (uri:"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", local:"Document"). Expected elements are <{urn:iso:std:iso:20022:tech:xsd:camt.053.001.02}Document>',
    },
    cause: {
      className: 'org.xml.sax.SAXParseException',
      message: "cvc-elt.1.a: Cannot find the declaration of element 'Document'.",
    },
    causeFrames: [
      'org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.UnmarshallingContext.handleEvent(UnmarshallingContext.java:712)',
    ],
  },
  'simple-expression': {
    exception: {
      className: 'org.apache.camel.ExpressionEvaluationException',
      message: ({ node }) =>
        `Cannot evaluate simple expression: ${node.label.replace(/^transform /, '')}`,
    },
    cause: {
      className: 'org.apache.camel.component.bean.MethodNotFoundException',
      message: ({ node }) =>
        `Method with name: ${/\.(\w+)\(/.exec(node.label)?.[1] ?? 'toString'} not found on bean: java.util.LinkedHashMap`,
    },
    causeFrames: [
      'org.apache.camel.language.simple.SimpleExpressionBuilder$KeyedEntityRetrievalStrategy.evaluate(SimpleExpressionBuilder.java:1192)',
    ],
  },
  /** A `throwException` step: the application's own business exception. */
  thrown: {
    exception: {
      className: ({ node, pkg }) => `${pkg}.${thrownName(node)}`,
      message: ({ node, context }) => thrownMessage(thrownName(node), context.businessKey),
    },
    cause: {
      className: 'jakarta.validation.ConstraintViolationException',
      message: ({ node }) => thrownCause(thrownName(node)),
    },
    causeFrames: ({ pkg, random }) => [
      `${pkg}.validation.RuleEngine.check(RuleEngine.java:${random.int(40, 120)})`,
    ],
  },
} satisfies Record<string, FailureTemplate>

function producerFrames(node: ProcessorNode, pkg: string): string[] {
  const scheme = (node.endpointUri ?? '').split(':')[0] ?? ''
  const send =
    node.type === 'enrich'
      ? 'org.apache.camel.processor.Enricher.process(Enricher.java:178)'
      : node.type === 'wireTap'
        ? 'org.apache.camel.processor.WireTapProcessor.process(WireTapProcessor.java:170)'
        : 'org.apache.camel.processor.SendProcessor.process(SendProcessor.java:210)'
  const bridge =
    'org.apache.camel.support.AsyncProcessorConverterHelper$ProcessorToAsyncProcessorBridge.process(AsyncProcessorConverterHelper.java:65)'
  switch (node.type) {
    case 'bean': {
      const { className, method } = beanOf(node, pkg)
      return [
        `${className}.${method}(${simpleName(className)}.java:88)`,
        'org.apache.camel.component.bean.AbstractBeanProcessor.process(AbstractBeanProcessor.java:147)',
        'org.apache.camel.component.bean.BeanProcessor.process(BeanProcessor.java:81)',
      ]
    }
    case 'unmarshal':
      return [
        'org.apache.camel.support.processor.UnmarshalProcessor.process(UnmarshalProcessor.java:84)',
      ]
    case 'marshal':
      return [
        'org.apache.camel.support.processor.MarshalProcessor.process(MarshalProcessor.java:66)',
      ]
    case 'transform':
      return ['org.apache.camel.processor.TransformProcessor.process(TransformProcessor.java:63)']
    case 'throwException':
      return [
        'org.apache.camel.processor.ThrowExceptionProcessor.process(ThrowExceptionProcessor.java:81)',
      ]
  }
  switch (scheme) {
    case 'http':
    case 'https':
      return [
        'org.apache.camel.component.http.HttpProducer.executeMethod(HttpProducer.java:491)',
        'org.apache.camel.component.http.HttpProducer.process(HttpProducer.java:263)',
        bridge,
        send,
      ]
    case 'sql':
      return [
        'org.apache.camel.component.sql.SqlProducer.processInternal(SqlProducer.java:164)',
        'org.apache.camel.component.sql.SqlProducer.process(SqlProducer.java:124)',
        bridge,
        send,
      ]
    case 'kafka':
      return [
        'org.apache.camel.component.kafka.KafkaProducer.processWithCallback(KafkaProducer.java:437)',
        send,
      ]
    case 'jms':
      return [
        'org.apache.camel.component.jms.JmsProducer.processInOnly(JmsProducer.java:424)',
        'org.apache.camel.component.jms.JmsProducer.process(JmsProducer.java:157)',
        send,
      ]
    case 'smtp':
      return [
        'org.apache.camel.component.mail.MailProducer.process(MailProducer.java:64)',
        bridge,
        send,
      ]
    case 'sftp':
    case 'file':
      return [
        'org.apache.camel.component.file.GenericFileProducer.writeFile(GenericFileProducer.java:304)',
        'org.apache.camel.component.file.GenericFileProducer.processExchange(GenericFileProducer.java:171)',
        bridge,
        send,
      ]
    case 'direct':
      return [
        'org.apache.camel.component.direct.DirectProducer.process(DirectProducer.java:60)',
        send,
      ]
    default:
      return [bridge, send]
  }
}

function containerFrames(node: ProcessorNode): string[] {
  switch (node.type) {
    case 'split':
      return [
        'org.apache.camel.processor.MulticastProcessor$MulticastTask.lambda$run$1(MulticastProcessor.java:457)',
        'org.apache.camel.processor.Splitter.process(Splitter.java:168)',
      ]
    case 'choice':
      return ['org.apache.camel.processor.ChoiceProcessor.process(ChoiceProcessor.java:130)']
    case 'filter':
      return ['org.apache.camel.processor.FilterProcessor.process(FilterProcessor.java:82)']
    default:
      return []
  }
}

function consumerFrames(fromUri: string): string[] {
  const scheme = fromUri.split(':')[0] ?? ''
  const worker = [
    'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)',
    'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)',
    'java.base/java.lang.Thread.run(Thread.java:1583)',
  ]
  switch (scheme) {
    case 'kafka':
      return [
        'org.apache.camel.component.kafka.consumer.support.KafkaRecordProcessor.processExchange(KafkaRecordProcessor.java:109)',
        'org.apache.camel.component.kafka.consumer.support.classic.ClassicRecordProcessorFacade.processRecord(ClassicRecordProcessorFacade.java:124)',
        'org.apache.camel.component.kafka.KafkaFetchRecords.startPolling(KafkaFetchRecords.java:329)',
        'org.apache.camel.component.kafka.KafkaFetchRecords.run(KafkaFetchRecords.java:207)',
        ...worker,
      ]
    case 'jms':
      return [
        'org.apache.camel.component.jms.EndpointMessageListener.onMessage(EndpointMessageListener.java:136)',
        'org.springframework.jms.listener.AbstractMessageListenerContainer.doInvokeListener(AbstractMessageListenerContainer.java:786)',
        'org.springframework.jms.listener.AbstractPollingMessageListenerContainer.doReceiveAndExecute(AbstractPollingMessageListenerContainer.java:333)',
        'org.springframework.jms.listener.DefaultMessageListenerContainer$AsyncMessageListenerInvoker.run(DefaultMessageListenerContainer.java:1290)',
        'java.base/java.lang.Thread.run(Thread.java:1583)',
      ]
    case 'platform-http':
      return [
        'org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer.handleRequest(VertxPlatformHttpConsumer.java:206)',
        'io.vertx.ext.web.impl.RouteState.handleContext(RouteState.java:1285)',
        'io.vertx.ext.web.impl.RoutingContextImplBase.iterateNext(RoutingContextImplBase.java:177)',
        'io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:997)',
        'java.base/java.lang.Thread.run(Thread.java:1583)',
      ]
    case 'file':
    case 'sftp':
      return [
        'org.apache.camel.component.file.GenericFileConsumer.processExchange(GenericFileConsumer.java:451)',
        'org.apache.camel.component.file.GenericFileConsumer.processBatch(GenericFileConsumer.java:245)',
        'org.apache.camel.support.ScheduledPollConsumer.doRun(ScheduledPollConsumer.java:202)',
        'org.apache.camel.support.ScheduledPollConsumer.run(ScheduledPollConsumer.java:116)',
        ...worker,
      ]
    case 'timer':
      return [
        'org.apache.camel.component.timer.TimerConsumer.sendTimerExchange(TimerConsumer.java:293)',
        'org.apache.camel.component.timer.TimerConsumer$1.doRun(TimerConsumer.java:164)',
        'java.base/java.util.TimerThread.mainLoop(Timer.java:566)',
        'java.base/java.util.TimerThread.run(Timer.java:516)',
      ]
    case 'quartz':
      return [
        'org.apache.camel.component.quartz.CamelJob.execute(CamelJob.java:80)',
        'org.quartz.core.JobRunShell.run(JobRunShell.java:202)',
        'org.quartz.simpl.SimpleThreadPool$WorkerThread.run(SimpleThreadPool.java:573)',
      ]
    case 'cxf':
      return [
        'org.apache.camel.component.cxf.jaxws.CxfConsumer$CxfConsumerInvoker.asyncInvoke(CxfConsumer.java:185)',
        'org.apache.cxf.interceptor.ServiceInvokerInterceptor$1.run(ServiceInvokerInterceptor.java:59)',
        'org.apache.cxf.phase.PhaseInterceptorChain.doIntercept(PhaseInterceptorChain.java:307)',
        'java.base/java.lang.Thread.run(Thread.java:1583)',
      ]
    case 'debezium-postgres':
      return [
        'org.apache.camel.component.debezium.DebeziumConsumer.onEventListener(DebeziumConsumer.java:72)',
        'io.debezium.embedded.EmbeddedEngine.run(EmbeddedEngine.java:913)',
        ...worker,
      ]
    default:
      return [
        'org.apache.camel.component.direct.DirectProducer.process(DirectProducer.java:104)',
        ...worker,
      ]
  }
}

function packageOf(tenantId: string, applicationId: string): string {
  return `com.${tenantId.replace(/[^a-z0-9]/g, '')}.${applicationId.replace(/[^a-z0-9]/g, '')}`
}

function beanOf(node: ProcessorNode, pkg: string): { className: string; method: string } {
  const [bean = 'service', method = 'process'] = node.label.replace(/^bean /, '').split('.')
  return { className: `${pkg}.${bean.charAt(0).toUpperCase()}${bean.slice(1)}`, method }
}

const simpleName = (className: string) => className.split('.').pop() ?? className

function sqlOf(uri: string): string {
  return uri.replace(/^sql:/, '').replace(/:#\$\{[^}]+\}|:#\w+/g, '?')
}

const thrownName = (node: ProcessorNode) => node.label.replace(/^throw /, '')

function thrownMessage(name: string, businessKey: string): string {
  if (/Validation/.test(name))
    return `Order ${businessKey} rejected: shipping address is incomplete (postalCode missing)`
  if (/Payment/.test(name))
    return `Payment provider rejected ${businessKey}: unexpected decline code "do_not_honor_05"`
  return `${businessKey} could not be processed`
}

function thrownCause(name: string): string {
  if (/Validation/.test(name)) return 'shippingAddress.postalCode: must not be blank'
  if (/Payment/.test(name)) return 'declineCode: value "do_not_honor_05" is not a known DeclineCode'
  return 'validation failed'
}
