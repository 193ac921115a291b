import { toIso } from '../clock'
import { createRandom, type Random } from '../random'
import type { RouteModel } from './execution-model'

/**
 * What an agent captures of an exchange: headers (the consumer's Camel headers plus business
 * headers) and the bodies at route entry and exit. Business ids come from the flow's leader,
 * so every execution of one flow (same correlation id) talks about the same order, and a
 * search for that order id finds all of them.
 */

export interface Business {
  orderId: string
  customerId: string
  email: string
  locale: string
  channel: string
  priority: string
  currency: string
  lines: OrderLine[]
  total: number
  paymentId: string
  shipmentId: string
  carrier: string
  trackingNumber: string
  invoiceNumber: string
  claimId: string
  policyNumber: string
  documentId: string
  quoteId: string
  address: { street: string; postalCode: string; city: string; country: string }
}

interface OrderLine {
  lineNo: number
  sku: string
  description: string
  quantity: number
  unitPrice: number
  warehouse: string
}

const PRODUCTS = [
  'Stretch film 500mm x 300m',
  'Euro pallet 1200x800',
  'Corrugated box 600x400x400',
  'Barcode labels 100x150 (roll)',
  'Packing tape 48mm brown',
  'Hand pallet truck 2.5t',
  'Shelf rack 2000x1000',
  'Thermal printer ribbon',
  'Air cushion film 400mm',
  'Edge protector 35x35',
] as const
const CITIES = [
  ['Hamburg', 'DE', '20457'],
  ['Rotterdam', 'NL', '3011'],
  ['Lyon', 'FR', '69002'],
  ['Milano', 'IT', '20121'],
  ['Wien', 'AT', '1010'],
  ['Gdańsk', 'PL', '80-831'],
  ['Malmö', 'SE', '211 20'],
  ['Dublin', 'IE', 'D02 X285'],
] as const
const STREETS = [
  'Hafenstraße',
  'Kade',
  'Rue de la République',
  'Via Torino',
  'Ringstraße',
  'Long Mile Road',
]
const WAREHOUSES = ['WH-HAM-01', 'WH-HAM-02', 'WH-RTM-01', 'WH-LYS-01', 'WH-WAW-03']
const CARRIERS = ['DHL', 'UPS', 'DPD', 'GLS']

export function generateBusiness(key: string, lineCount: number): Business {
  const random = createRandom(key)
  const [city, country, postalCode] = random.pick(CITIES)
  const lines = Array.from({ length: Math.max(1, lineCount) }, (_, i) => orderLine(random, i + 1))
  const total =
    Math.round(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) * 100) / 100
  const carrier = random.pick(CARRIERS)
  return {
    orderId: `ORD-${random.int(10_000_000, 99_999_999)}`,
    customerId: `CUST-${random.int(10_000, 99_999)}`,
    email: `${random.pick(['anna', 'jan', 'marie', 'luca', 'sofia', 'piotr', 'erik', 'niamh'])}.${random.alnum(5)}@example.com`,
    locale: random.pick(['de-DE', 'nl-NL', 'fr-FR', 'it-IT', 'en-IE', 'pl-PL', 'sv-SE']),
    channel: random.weighted([
      ['WEB', 6],
      ['MOBILE', 3],
      ['B2B', 2],
      ['POS', 1],
    ]),
    priority: random.bool(0.18) ? 'EXPRESS' : 'STANDARD',
    currency: country === 'PL' ? 'PLN' : country === 'SE' ? 'SEK' : 'EUR',
    lines,
    total,
    paymentId: `PAY-${random.hex(12)}`,
    shipmentId: `SHP-${random.int(1_000_000, 9_999_999)}`,
    carrier,
    trackingNumber: `${carrier === 'UPS' ? '1Z' : 'JJD'}${random.int(100_000_000, 999_999_999)}${random.int(1000, 9999)}`,
    invoiceNumber: `INV-${random.int(2_000_000, 2_999_999)}`,
    claimId: `CLM-${random.int(100_000, 999_999)}`,
    policyNumber: `POL-${random.alnum(4).toUpperCase()}-${random.int(10_000, 99_999)}`,
    documentId: `DOC-${random.hex(10)}`,
    quoteId: `Q-${random.int(1_000_000, 9_999_999)}`,
    address: { street: `${random.pick(STREETS)} ${random.int(1, 180)}`, postalCode, city, country },
  }
}

function orderLine(random: Random, lineNo: number): OrderLine {
  return {
    lineNo,
    sku: `SKU-${random.int(10_000, 99_999)}`,
    description: random.pick(PRODUCTS),
    quantity: random.int(1, 24),
    unitPrice: Math.round(random.logNormal(35, 0.9) * 100) / 100,
    warehouse: random.pick(WAREHOUSES),
  }
}

/** A dynamic endpoint as Camel resolves it: `${body.customerId}` becomes the customer's id. */
export function resolveUri(uri: string, business: Business, fallback: string): string {
  const fields = business as unknown as Record<string, unknown>
  return uri.replace(/\$\{(?:body|header)\.(\w+)\}/g, (_, field: string) => {
    const value = fields[field]
    return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback
  })
}

/** The id an application's exchanges are about, for messages and business headers. */
export function businessKeyOf(route: RouteModel, business: Business): string {
  switch (route.applicationId) {
    case 'invoice-batch':
      return business.invoiceNumber
    case 'claims-intake':
      return business.claimId
    case 'policy-sync':
      return business.policyNumber
    case 'document-archiver':
      return business.documentId
    case 'broker-portal-bridge':
      return business.quoteId
    case 'shipping-adapter':
      return business.shipmentId
    default:
      return business.orderId
  }
}

export interface ContentInput {
  route: RouteModel
  business: Business
  exchangeId: string
  correlationId: string | null
  startTime: number
  /** Split items (file lines, statement entries…). */
  items: number
  /** Whether the exchange finished successfully (only then is there an output body). */
  completed: boolean
  /** A bulk message: the body is tens of kB. */
  large: boolean
  hostname: string
  random: Random
}

export interface Content {
  headers: Record<string, string>
  inputBody: string | null
  outputBody: string | null
}

export function buildContent(input: ContentInput): Content {
  const { route, business } = input
  const headers = consumerHeaders(input)
  Object.assign(headers, businessHeaders(input))
  const bodies = bodiesFor(input)
  return {
    headers,
    inputBody: bodies.input,
    outputBody: input.completed ? bodies.output : null,
  }

  function businessHeaders({ correlationId }: ContentInput): Record<string, string> {
    const out: Record<string, string> = {}
    if (correlationId) out.breadcrumbId = correlationId
    switch (route.applicationId) {
      case 'order-service':
      case 'fraud-check':
        out.orderId = business.orderId
        out.customerId = business.customerId
        out.channel = business.channel
        break
      case 'payment-gateway':
        out.orderId = business.orderId
        out.paymentId = business.paymentId
        break
      case 'inventory-sync':
        if (route.routeId === 'inventory-reserve') out.orderId = business.orderId
        break
      case 'shipping-adapter':
        out.shipmentId = business.shipmentId
        out.orderId = business.orderId
        out.carrier = business.carrier
        break
      case 'customer-notifier':
        out.orderId = business.orderId
        out.customerId = business.customerId
        out.locale = business.locale
        break
      case 'invoice-batch':
        if (route.routeId !== 'invoice-generate') out.invoiceNumber = business.invoiceNumber
        break
      case 'claims-intake':
        out.claimId = business.claimId
        out.policyNumber = business.policyNumber
        break
      case 'policy-sync':
        out.policyNumber = business.policyNumber
        break
      case 'document-archiver':
        out.documentId = business.documentId
        out.claimId = business.claimId
        break
      case 'broker-portal-bridge':
        out.quoteId = business.quoteId
        break
    }
    return out
  }
}

function consumerHeaders(input: ContentInput): Record<string, string> {
  const { route, business, random, startTime } = input
  const uri = route.definition.tree[0]?.endpointUri ?? ''
  const scheme = uri.split(':')[0] ?? ''
  // `jms:queue:orders.cancel` → `orders.cancel`, `file:/data/in?move=.done` → `/data/in`
  const path =
    uri
      .slice(scheme.length + 1)
      .replace(/^(queue|topic):/, '')
      .split('?')[0] ?? ''
  switch (scheme) {
    case 'kafka':
      return {
        'kafka.TOPIC': path,
        'kafka.PARTITION': String(random.int(0, 11)),
        'kafka.OFFSET': String(random.int(1_000_000, 90_000_000)),
        'kafka.KEY': businessKeyOf(route, business),
        'kafka.TIMESTAMP': String(startTime - random.int(2, 400)),
        'kafka.HEADERS': `[RecordHeader(key = traceparent, value = 00-${random.hex(32)}-${random.hex(16)}-01)]`,
      }
    case 'jms': {
      const redelivered = route.routeId.includes('dlq') || random.bool(0.02)
      return {
        JMSMessageID: `ID:activemq-${random.int(1, 3)}-${random.int(30000, 60000)}-${startTime - random.int(1e6, 9e6)}-1:1:1:1:${random.int(1, 99_999)}`,
        JMSCorrelationID: input.correlationId ?? businessKeyOf(route, business),
        JMSDestination: `queue://${path}`,
        JMSDeliveryMode: '2',
        JMSPriority: '4',
        JMSRedelivered: String(redelivered),
        JMSTimestamp: String(startTime - random.int(1, 1500)),
        JMSType: '',
      }
    }
    case 'platform-http': {
      const method = /httpMethodRestrict=(\w+)/.exec(uri)?.[1] ?? random.pick(['GET', 'POST'])
      const concretePath = path
        .replace('{orderId}', business.orderId)
        .replace(/\{\w+\}/g, random.alnum(6))
      const headers: Record<string, string> = {
        CamelHttpMethod: method,
        CamelHttpUri: concretePath,
        CamelHttpPath: concretePath,
        Host: `${route.applicationId}.${input.hostname.includes('.') ? 'internal' : 'svc.cluster.local'}`,
        'User-Agent': random.pick([
          'okhttp/4.12.0',
          'Apache-HttpClient/5.3.1 (Java/21.0.4)',
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
          'curl/8.9.1',
        ]),
        'X-Request-ID': uuid(random),
        Accept: 'application/json',
      }
      if (method !== 'GET') headers['Content-Type'] = 'application/json'
      if (method !== 'GET') headers['Content-Length'] = String(random.int(180, 2400))
      return headers
    }
    case 'file':
    case 'sftp': {
      const extension =
        /include=.*\\\.(\w+)/.exec(uri)?.[1] ?? (route.routeId.includes('policy') ? 'csv' : 'xml')
      const fileName = `${route.routeId.split('-')[0]}_${toIso(startTime).slice(0, 10).replace(/-/g, '')}_${random.int(1000, 9999)}.${extension}`
      return {
        CamelFileName: fileName,
        CamelFileNameOnly: fileName,
        CamelFileAbsolutePath: `${path}/${fileName}`,
        CamelFileParent: path,
        CamelFileLength: String(40 * Math.max(1, input.items) + random.int(30, 200)),
        CamelFileLastModified: String(startTime - random.int(200, 60_000)),
        ...(scheme === 'sftp' ? { CamelFileHost: path.split('/')[2] ?? path } : {}),
      }
    }
    case 'timer':
      return {
        CamelTimerName: path,
        CamelTimerPeriod: /period=(\d+)/.exec(uri)?.[1] ?? '1000',
        CamelTimerFiredTime: new Date(startTime).toUTCString(),
        CamelTimerCounter: String(random.int(100, 90_000)),
      }
    case 'quartz':
      return {
        fireTime: new Date(startTime).toUTCString(),
        scheduledFireTime: new Date(startTime - (startTime % 60_000)).toUTCString(),
        jobDetail: `JobDetail 'Camel_camel-1.${path}':  jobClass: 'org.apache.camel.component.quartz.CamelJob'`,
        triggerName: path,
        triggerGroup: 'Camel_camel-1',
      }
    case 'cxf':
      return {
        operationName: 'requestQuote',
        operationNamespace: 'http://beta.example/quotes/v1',
        SOAPAction: '"http://beta.example/quotes/v1/requestQuote"',
        'Content-Type': 'text/xml; charset=UTF-8',
        CamelHttpMethod: 'POST',
      }
    case 'debezium-postgres':
      return {
        CamelDebeziumIdentifier: 'policy.public.policy',
        CamelDebeziumOperation: random.pick(['c', 'u', 'u', 'u', 'd']),
        CamelDebeziumKey: `Struct{number=${business.policyNumber}}`,
        CamelDebeziumTimestamp: String(startTime - random.int(5, 900)),
      }
    default:
      return {}
  }
}

interface Bodies {
  input: string | null
  output: string | null
}

/** What a body template is given: the exchange, and the split lines both bodies share. */
interface BodyScene extends ContentInput {
  /** One order line per split item (made up beyond the order's own), the same on every call. */
  splitLines: () => OrderLine[]
}

/** A body, or `null` when none is captured (no body on a timer, a binary PDF…). */
type BodyText = null | ((scene: BodyScene) => string | null)

/**
 * The bodies each route's exchanges carry, as data: a new route shape is a new entry. The
 * input is rendered before the output, which fixes what each draws from `random`.
 */
interface BodyTemplate {
  input: BodyText
  output: BodyText
}

function bodiesFor(input: ContentInput): Bodies {
  let lines: OrderLine[] | undefined
  const scene: BodyScene = {
    ...input,
    splitLines: () =>
      (lines ??= Array.from(
        { length: Math.max(1, input.items) },
        (_, i) => input.business.lines[i] ?? orderLine(input.random, i + 1),
      )),
  }
  const template = BODIES[input.route.routeId] ?? DEFAULT_BODIES
  const inputBody = template.input ? template.input(scene) : null
  const outputBody = template.output ? template.output(scene) : null
  return { input: inputBody, output: outputBody }
}

const json = (value: unknown) => JSON.stringify(value)

/** Routes without an entry below: a minimal JSON in and out. */
const DEFAULT_BODIES: BodyTemplate = {
  input: ({ route, business: b }) => json({ id: businessKeyOf(route, b) }),
  output: ({ route, business: b }) => json({ id: businessKeyOf(route, b), status: 'OK' }),
}

const notification: BodyTemplate = {
  input: ({ route, business: b }) => {
    const shipment = route.routeId !== 'notify-order-confirmed'
    return json({
      orderId: b.orderId,
      customerId: b.customerId,
      email: b.email,
      template: shipment ? 'shipment-dispatched' : 'order-confirmed',
      ...(shipment
        ? { shipmentId: b.shipmentId, trackingNumber: b.trackingNumber }
        : { total: b.total, currency: b.currency }),
    })
  },
  output: ({ route, business: b }) =>
    route.routeId === 'notify-dlq-retry'
      ? null
      : mail(b, route.routeId !== 'notify-order-confirmed'),
}

const claim: BodyTemplate = {
  input: ({ route, business: b, random, startTime }) =>
    json({
      claimId: route.routeId === 'claim-submit' ? null : b.claimId,
      policyNumber: b.policyNumber,
      type: random.pick(['GLASS', 'WATER_DAMAGE', 'THEFT', 'COLLISION']),
      amount: Math.round(random.logNormal(2500, 1.2)),
      reportedAt: toIso(startTime - random.int(0, 7) * 86_400_000),
      description: 'Damage reported via broker portal',
    }),
  output: ({ route, business: b, random }) =>
    json({
      claimId: b.claimId,
      status: route.routeId === 'claim-submit' ? 'RECEIVED' : 'TRIAGED',
      queue: random.pick(['claims.standard', 'claims.fast-track', 'claims.senior-adjuster']),
    }),
}

/** routeId → the bodies its exchanges carry. */
const BODIES: Readonly<Record<string, BodyTemplate>> = {
  'order-intake': { input: orderJson, output: orderJson },
  'order-validate': {
    input: orderJson,
    output: ({ business: b }) => json({ orderId: b.orderId, validation: 'OK', checkedRules: 14 }),
  },
  'order-enrich': {
    input: orderJson,
    output: ({ business: b, random }) =>
      json({
        orderId: b.orderId,
        customer: {
          id: b.customerId,
          tier: random.pick(['GOLD', 'SILVER', 'STANDARD']),
          creditLimit: random.int(5, 200) * 1000,
        },
        total: b.total,
        currency: b.currency,
      }),
  },
  'order-intake-v2': { input: null, output: orderJson },
  'order-status-api': {
    input: null,
    output: ({ business: b, random, startTime }) =>
      json({
        orderId: b.orderId,
        status: random.pick(['RECEIVED', 'PAID', 'SHIPPED', 'DELIVERED']),
        updatedAt: toIso(startTime - random.int(60_000, 86_400_000)),
      }),
  },
  'order-cancel': {
    input: ({ business: b, random }) =>
      json({
        orderId: b.orderId,
        reason: random.pick(['CUSTOMER_REQUEST', 'OUT_OF_STOCK', 'FRAUD_SUSPECTED']),
        requestedBy: b.email,
      }),
    output: null,
  },
  'fraud-score': {
    input: orderJson,
    output: ({ business: b, random }) =>
      json({
        orderId: b.orderId,
        score: Math.round(random.next() ** 3 * 1000) / 1000,
        model: 'risk-v2.3',
        signals: random
          .shuffle(['ip_country_mismatch', 'new_device', 'velocity_24h', 'high_value_first_order'])
          .slice(0, random.int(0, 3)),
      }),
  },
  'fraud-review-queue': {
    input: ({ business: b, random }) =>
      json({
        orderId: b.orderId,
        customerId: b.customerId,
        score: Math.round(random.float(0.85, 1) * 1000) / 1000,
      }),
    output: ({ business: b, random }) =>
      json({
        caseId: `FC-${random.int(10_000, 99_999)}`,
        orderId: b.orderId,
        analyst: random.pick(['j.meyer', 'a.rossi', 'k.novak']),
      }),
  },
  'payment-authorize': {
    input: ({ business: b, random }) =>
      json({
        orderId: b.orderId,
        customerId: b.customerId,
        amount: b.total,
        currency: b.currency,
        method: random.pick(['CARD', 'SEPA_DD', 'PAYPAL']),
        card: {
          brand: random.pick(['VISA', 'MASTERCARD']),
          last4: String(random.int(1000, 9999)),
        },
      }),
    output: ({ business: b, random }) =>
      json({
        paymentId: b.paymentId,
        orderId: b.orderId,
        approved: true,
        authorizationCode: random.alnum(6).toUpperCase(),
      }),
  },
  'payment-capture': {
    input: ({ business: b }) =>
      json({ orderId: b.orderId, shipmentId: b.shipmentId, carrier: b.carrier }),
    output: ({ business: b }) =>
      json({ paymentId: b.paymentId, captured: true, amount: b.total, currency: b.currency }),
  },
  'payment-refund': {
    input: ({ business: b, random }) =>
      json({
        orderId: b.orderId,
        paymentId: b.paymentId,
        amount: Math.round(b.total * random.float(0.1, 1) * 100) / 100,
        reason: 'RETURNED_GOODS',
      }),
    output: ({ random }) => json({ refundId: `RF-${random.hex(10)}`, status: 'PENDING' }),
  },
  'payment-webhook': {
    input: ({ business: b, random, startTime }) =>
      json({
        id: `evt_${random.alnum(20)}`,
        type: random.pick(['settlement', 'settlement', 'chargeback', 'payout.paid']),
        created: Math.floor(startTime / 1000),
        data: { paymentId: b.paymentId, orderId: b.orderId, amount: b.total, currency: b.currency },
      }),
    output: null,
  },
  'inventory-import-file': { input: ({ random, items }) => stockCsv(random, items), output: null },
  // One line per split item, as the trace shows.
  'inventory-reserve': {
    input: ({ business: b, splitLines }) =>
      json({
        orderId: b.orderId,
        lines: splitLines().map(({ sku, quantity }) => ({ sku, quantity })),
      }),
    output: ({ business: b, splitLines }) =>
      json({
        orderId: b.orderId,
        reserved: splitLines().map(({ sku, quantity, warehouse }) => ({
          sku,
          quantity,
          warehouse,
        })),
        backordered: [],
      }),
  },
  'stock-level-publish': {
    input: null,
    output: ({ random }) =>
      json(
        Array.from({ length: 20 }, () => ({
          sku: `SKU-${random.int(10_000, 99_999)}`,
          qty: random.int(0, 4000),
        })),
      ),
  },
  'shipment-create': {
    input: ({ business: b }) =>
      json({
        orderId: b.orderId,
        lines: b.lines.map(({ sku, quantity }) => ({ sku, quantity })),
        shippingAddress: b.address,
      }),
    output: ({ business: b }) =>
      json({
        shipmentId: b.shipmentId,
        orderId: b.orderId,
        carrier: b.carrier,
        trackingNumber: b.trackingNumber,
      }),
  },
  // The label is a PDF: binary bodies are not captured.
  'carrier-label': {
    input: ({ business: b, random }) =>
      json({
        shipmentId: b.shipmentId,
        carrier: b.carrier,
        parcels: random.int(1, 4),
        shipTo: b.address,
      }),
    output: null,
  },
  'tracking-poll': {
    input: null,
    output: ({ random, items }) =>
      json(
        Array.from({ length: Math.max(1, items) }, () => ({
          shipmentId: `SHP-${random.int(1_000_000, 9_999_999)}`,
          status: random.pick(['IN_TRANSIT', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']),
        })),
      ),
  },
  'notify-order-confirmed': notification,
  'notify-shipment': notification,
  'notify-dlq-retry': notification,
  'invoice-generate': {
    input: null,
    output: ({ random, startTime, items }) =>
      json({
        run: toIso(startTime).slice(0, 10),
        invoices: items,
        totalAmount: Math.round(random.float(200, 900) * items * 100) / 100,
        currency: 'EUR',
      }),
  },
  'invoice-export-sftp': { input: invoiceXml, output: null },
  'invoice-reconcile': { input: bankStatementXml, output: null },
  'claim-submit': claim,
  'claim-triage': claim,
  'policy-import': { input: ({ random, items }) => policyCsv(random, items), output: null },
  'policy-change-feed': {
    input: null,
    output: ({ business: b, random }) =>
      json({
        op: 'u',
        source: { table: 'policy', lsn: random.int(1e8, 9e8) },
        before: { number: b.policyNumber, premium: random.int(300, 2000) },
        after: { number: b.policyNumber, premium: random.int(300, 2000) },
      }),
  },
  'archive-document': { input: null, output: null },
  'broker-quote-request': { input: soapRequest, output: soapResponse },
  'hello-timer': {
    input: null,
    output: ({ startTime }) => `Hello ${new Date(startTime).toUTCString()}`,
  },
  'rest-echo': {
    input: ({ random, startTime }) =>
      random.bool(0.5) ? json({ message: 'ping', at: toIso(startTime) }) : null,
    output: ({ random }) => (random.bool(0.5) ? 'pong' : json({ message: 'ping' })),
  },
  'move-files': {
    input: ({ business: b, random }) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<document id="${b.documentId}"><title>Report ${random.int(1, 52)}</title></document>`,
    output: null,
  },
}

/** ~130 bytes per line: a bulk (B2B) order with 450 lines is ~58 kB. */
function orderJson({ business: b, large, random, startTime }: ContentInput): string {
  const lines = large ? Array.from({ length: 450 }, (_, i) => orderLine(random, i + 1)) : b.lines
  return JSON.stringify({
    orderId: b.orderId,
    customerId: b.customerId,
    channel: large ? 'B2B' : b.channel,
    priority: b.priority,
    currency: b.currency,
    createdAt: toIso(startTime - 1500),
    lines,
    total: large
      ? Math.round(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) * 100) / 100
      : b.total,
    shippingAddress: b.address,
  })
}

function stockCsv(random: Random, items: number): string {
  const rows = ['sku,warehouse,qty,updated_at']
  for (let i = 0; i < Math.max(1, items); i++) {
    rows.push(
      `SKU-${random.int(10_000, 99_999)},${random.pick(WAREHOUSES)},${random.int(0, 5000)},2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    )
  }
  return rows.join('\n')
}

function policyCsv(random: Random, items: number): string {
  const rows = ['number;holder;premium']
  for (let i = 0; i < Math.max(1, items); i++) {
    rows.push(
      `POL-${random.alnum(4).toUpperCase()}-${random.int(10_000, 99_999)};${random.pick(['Müller GmbH', 'J. Smith', 'Acme Corp', 'K. Tanaka'])};${random.int(300, 4000)}.00`,
    )
  }
  return rows.join('\n')
}

function mail(b: Business, shipment: boolean): string {
  const subject = shipment
    ? `Your order ${b.orderId} is on its way`
    : `Order ${b.orderId} confirmed`
  const body = shipment
    ? `Good news: ${b.carrier} picked up your parcel. Tracking number: ${b.trackingNumber}.`
    : `Thank you for your order. Total: ${b.total.toFixed(2)} ${b.currency}.`
  return `From: no-reply@acme.example\nTo: ${b.email}\nSubject: ${subject}\nContent-Type: text/plain; charset=UTF-8\n\n${body}\n`
}

function invoiceXml({ business: b, random, startTime }: ContentInput): string {
  const lines = b.lines
    .map(
      (line) =>
        `  <cac:InvoiceLine><cbc:ID>${line.lineNo}</cbc:ID><cbc:InvoicedQuantity unitCode="EA">${line.quantity}</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="${b.currency}">${(line.quantity * line.unitPrice).toFixed(2)}</cbc:LineExtensionAmount><cac:Item><cbc:Name>${line.description}</cbc:Name><cac:SellersItemIdentification><cbc:ID>${line.sku}</cbc:ID></cac:SellersItemIdentification></cac:Item></cac:InvoiceLine>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>${b.invoiceNumber}</cbc:ID>
  <cbc:IssueDate>${toIso(startTime).slice(0, 10)}</cbc:IssueDate>
  <cbc:OrderReference>${b.orderId}</cbc:OrderReference>
  <cac:AccountingCustomerParty><cac:Party><cbc:EndpointID>${b.customerId}</cbc:EndpointID></cac:Party></cac:AccountingCustomerParty>
${lines}
  <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="${b.currency}">${b.total.toFixed(2)}</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cbc:Note>batch ${random.int(1, 9)}</cbc:Note>
</Invoice>`
}

function bankStatementXml({ business: b, random, startTime, items }: ContentInput): string {
  const entries = Array.from({ length: Math.max(1, items) }, (_, i) => {
    const reference =
      i === 0
        ? b.invoiceNumber
        : random.bool(0.8)
          ? `INV-${random.int(2_000_000, 2_999_999)}`
          : `SEPA-${random.alnum(8).toUpperCase()}`
    return `      <Ntry><Amt Ccy="EUR">${random.float(20, 9000).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>${toIso(startTime).slice(0, 10)}</Dt></BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>${reference}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
  }).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-${random.hex(10).toUpperCase()}</MsgId><CreDtTm>${toIso(startTime)}</CreDtTm></GrpHdr>
    <Stmt>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>`
}

function soapRequest({ business: b, random }: ContentInput): string {
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="http://beta.example/quotes/v1">
  <soap:Body>
    <q:requestQuote>
      <q:brokerId>BRK-${random.int(100, 999)}</q:brokerId>
      <q:policyNumber>${b.policyNumber}</q:policyNumber>
      <q:coverage>${random.pick(['HOME', 'MOTOR', 'LIABILITY'])}</q:coverage>
      <q:sumInsured>${random.int(20, 900) * 1000}</q:sumInsured>
    </q:requestQuote>
  </soap:Body>
</soap:Envelope>`
}

function soapResponse({ business: b, random }: ContentInput): string {
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="http://beta.example/quotes/v1">
  <soap:Body>
    <q:requestQuoteResponse>
      <q:quoteId>${b.quoteId}</q:quoteId>
      <q:annualPremium currency="EUR">${random.float(200, 3000).toFixed(2)}</q:annualPremium>
    </q:requestQuoteResponse>
  </soap:Body>
</soap:Envelope>`
}

export function uuid(random: Random): string {
  const hex = random.hex(32)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
