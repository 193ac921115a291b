import {
  bean,
  choice,
  enrich,
  filter,
  from,
  log,
  marshal,
  otherwise,
  split,
  throwException,
  to,
  transform,
  unmarshal,
  when,
  wireTap,
  type StepSpec,
} from './route-dsl'

/**
 * The Camel routes each demo application runs, written as the developers of those apps would.
 * Routes may vary by environment (debug steps in dev, other hosts), as deployed code does.
 */

export interface RouteContext {
  environment: string
  /** `http://<service>.<serviceDomain><path>` for the environment. */
  http(service: string, path: string): string
}

export interface RouteSpec {
  routeId: string
  /** Absent: deployed in every environment where the application runs. */
  onlyIn?: readonly string[]
  steps(context: RouteContext): StepSpec[]
}

const debug = (context: RouteContext, message: string): StepSpec[] =>
  context.environment === 'dev' ? [log(`DEBUG ${message}`)] : []

const acmeApplications: Record<string, RouteSpec[]> = {
  'order-service': [
    {
      routeId: 'order-intake',
      steps: (c) => [
        from('kafka:orders?groupId=order-service&autoOffsetReset=earliest'),
        unmarshal('json (OrderDto)'),
        ...debug(c, 'raw order ${body}'),
        log('Received order ${header.orderId} from ${header.channel}'),
        choice(
          when(
            '${body.total} > 10000',
            bean('fraudScreening.flag'),
            to('jms:queue:orders.manual-review'),
          ),
          when('${body.priority} == "EXPRESS"', to('kafka:orders.express')),
          otherwise(to('kafka:orders.validated')),
        ),
        wireTap('kafka:audit.orders'),
      ],
    },
    {
      routeId: 'order-validate',
      steps: () => [
        from('kafka:orders.validated?groupId=order-validate'),
        bean('orderValidator.validate'),
        filter(
          '${header.validationErrors} != null',
          log('Order ${header.orderId} rejected: ${header.validationErrors}'),
          throwException('OrderValidationException'),
        ),
        to('direct:order-enrich'),
      ],
    },
    {
      routeId: 'order-enrich',
      steps: (c) => [
        from('direct:order-enrich'),
        enrich(c.http('customers', '/api/customers/${body.customerId}')),
        enrich(
          'sql:select tier, credit_limit from customer_account where id = :#${body.customerId}',
        ),
        transform('${body.withCustomer()}'),
        marshal('json'),
        to('kafka:orders.enriched'),
      ],
    },
    {
      routeId: 'order-status-api',
      steps: () => [
        from('platform-http:/orders/{orderId}/status?httpMethodRestrict=GET'),
        to('sql:select status, updated_at from orders where id = :#${header.orderId}'),
        choice(
          when('${body.size()} == 0', transform('${null}'), log('Unknown order ${header.orderId}')),
          otherwise(marshal('json')),
        ),
      ],
    },
    {
      routeId: 'order-cancel',
      steps: (c) => [
        from('jms:queue:orders.cancel'),
        unmarshal('json (CancelRequest)'),
        to("sql:update orders set status = 'CANCELLED' where id = :#${body.orderId}"),
        to(c.http('payments', '/api/refunds')),
        wireTap('kafka:audit.orders'),
      ],
    },
    {
      routeId: 'order-intake-v2',
      onlyIn: ['dev'],
      steps: () => [
        from('kafka:orders.v2?groupId=order-service-v2'),
        unmarshal('avro (OrderV2)'),
        log('v2 order ${header.orderId}'),
        to('kafka:orders.validated'),
      ],
    },
  ],
  'payment-gateway': [
    {
      routeId: 'payment-authorize',
      steps: (c) => [
        from('kafka:orders.enriched?groupId=payment-gateway'),
        transform('${body.toAuthorizationRequest()}'),
        marshal('json'),
        to(c.http('payments', '/authorize?throwExceptionOnFailure=false')),
        unmarshal('json (AuthorizationResult)'),
        choice(
          when('${body.approved}', to('kafka:payments.authorized')),
          when(
            '${body.declineCode} == "INSUFFICIENT_FUNDS"',
            log('Declined ${header.orderId}: insufficient funds'),
            to('kafka:payments.declined'),
          ),
          otherwise(throwException('PaymentProviderException')),
        ),
      ],
    },
    {
      routeId: 'payment-capture',
      steps: (c) => [
        from('kafka:orders.shipped?groupId=payment-capture'),
        enrich('sql:select auth_id from payment where order_id = :#${body.orderId}'),
        to(c.http('payments', '/capture')),
        to('sql:update payment set captured_at = now() where order_id = :#${body.orderId}'),
        log('Captured payment for ${body.orderId}'),
      ],
    },
    {
      routeId: 'payment-refund',
      steps: (c) => [
        from('platform-http:/refunds?httpMethodRestrict=POST'),
        unmarshal('json (RefundRequest)'),
        bean('refundPolicy.check'),
        to(c.http('payments', '/refund')),
        wireTap('kafka:audit.payments'),
      ],
    },
    {
      routeId: 'payment-webhook',
      steps: () => [
        from('platform-http:/webhooks/psp?httpMethodRestrict=POST'),
        bean('signatureVerifier.verify'),
        unmarshal('json (PspEvent)'),
        choice(
          when('${body.type} == "chargeback"', to('jms:queue:payments.chargebacks')),
          when('${body.type} == "settlement"', to('kafka:payments.settled')),
          otherwise(log('Ignoring PSP event ${body.type}')),
        ),
      ],
    },
  ],
  'inventory-sync': [
    {
      routeId: 'inventory-import-file',
      steps: () => [
        from('file:/data/inbound/inventory?include=.*\\.csv&move=.done&moveFailed=.error'),
        unmarshal('csv'),
        split(
          '${body}',
          transform('${body.toStockLevel()}'),
          to(
            'sql:insert into stock_level (sku, warehouse, qty) values (:#sku, :#warehouse, :#qty)',
          ),
        ),
        log('Imported ${header.CamelFileName}'),
      ],
    },
    {
      routeId: 'inventory-reserve',
      steps: () => [
        from('kafka:payments.authorized?groupId=inventory-reserve'),
        split(
          '${body.lines}',
          enrich('sql:select qty from stock_level where sku = :#${body.sku} for update'),
          choice(
            when(
              '${body.available} >= ${body.quantity}',
              to('sql:update stock_level set qty = qty - :#quantity where sku = :#sku'),
            ),
            otherwise(to('kafka:inventory.backorders')),
          ),
        ),
        to('kafka:inventory.reserved'),
      ],
    },
    {
      routeId: 'stock-level-publish',
      steps: () => [
        from('timer:stock-levels?period=60000'),
        to('sql:select sku, sum(qty) as qty from stock_level group by sku'),
        marshal('json'),
        to('kafka:inventory.levels'),
      ],
    },
  ],
  'shipping-adapter': [
    {
      routeId: 'shipment-create',
      steps: (c) => [
        from('kafka:inventory.reserved?groupId=shipping-adapter'),
        bean('carrierSelector.choose'),
        choice(
          when('${header.carrier} == "DHL"', to(c.http('dhl-gateway', '/shipments'))),
          when('${header.carrier} == "UPS"', to(c.http('ups-gateway', '/api/shipments'))),
          otherwise(to('jms:queue:shipments.manual')),
        ),
        to('kafka:orders.shipped'),
      ],
    },
    {
      routeId: 'carrier-label',
      steps: () => [
        from('jms:queue:shipments.labels'),
        bean('labelRenderer.renderPdf'),
        to('file:/data/outbound/labels?fileName=${header.shipmentId}.pdf'),
        log('Label ready for ${header.shipmentId}'),
      ],
    },
    {
      routeId: 'tracking-poll',
      steps: (c) => [
        from('timer:tracking?period=300000'),
        to('sql:select shipment_id, carrier from shipment where delivered_at is null'),
        split(
          '${body}',
          enrich(c.http('tracking', '/track/${body.shipmentId}')),
          filter('${body.delivered}', to('kafka:shipments.delivered')),
        ),
      ],
    },
  ],
  'customer-notifier': [
    {
      routeId: 'notify-order-confirmed',
      steps: () => [
        from('kafka:payments.authorized?groupId=customer-notifier'),
        enrich('sql:select email, locale from customer where id = :#${body.customerId}'),
        transform("${bean:templates.render('order-confirmed', ${body})}"),
        to('smtp://mail.internal:587?from=no-reply@acme.example'),
      ],
    },
    {
      routeId: 'notify-shipment',
      steps: () => [
        from('kafka:orders.shipped?groupId=customer-notifier-shipments'),
        choice(
          when('${body.channel} == "SMS"', to('sms-gateway:send')),
          otherwise(to('smtp://mail.internal:587?from=no-reply@acme.example')),
        ),
        log('Notified ${body.customerId} of shipment ${body.shipmentId}'),
      ],
    },
    {
      routeId: 'notify-dlq-retry',
      steps: () => [
        from('jms:queue:notifications.DLQ'),
        filter('${header.JMSRedelivered} == false', to('kafka:orders.shipped')),
        log('Dropped notification after retries: ${header.JMSMessageID}'),
      ],
    },
  ],
  'invoice-batch': [
    {
      routeId: 'invoice-generate',
      steps: () => [
        from('quartz:invoices?cron=0+0+2+*+*+?'),
        to("sql:select * from orders where invoiced = false and status = 'CAPTURED'"),
        split('${body}', bean('invoiceService.create'), marshal('pdf'), to('jms:queue:invoices')),
        log('Invoice run finished: ${header.CamelSplitSize} invoices'),
      ],
    },
    {
      routeId: 'invoice-export-sftp',
      steps: () => [
        from('jms:queue:invoices'),
        to('sftp://sftp.partner-bank.example/invoices?username=acme&binary=true'),
        wireTap('kafka:audit.invoices'),
      ],
    },
    {
      routeId: 'invoice-reconcile',
      steps: () => [
        from('file:/data/inbound/bank-statements?include=.*\\.xml'),
        unmarshal('jaxb (BankStatement)'),
        split(
          '${body.entries}',
          filter(
            '${body.reference} regex "INV-\\d+"',
            to(
              'sql:update invoice set paid_at = :#${body.bookingDate} where number = :#${body.reference}',
            ),
          ),
        ),
      ],
    },
  ],
  'fraud-check': [
    {
      routeId: 'fraud-score',
      steps: (c) => [
        from('kafka:orders.validated?groupId=fraud-check'),
        enrich(c.http('risk-model', '/v2/score')),
        choice(
          when('${body.score} > 0.85', to('jms:queue:fraud.review'), wireTap('kafka:audit.fraud')),
          otherwise(log('Order ${header.orderId} score ${body.score}')),
        ),
      ],
    },
    {
      routeId: 'fraud-review-queue',
      steps: () => [
        from('jms:queue:fraud.review'),
        bean('reviewAssigner.assign'),
        to('sql:insert into fraud_case (order_id, analyst) values (:#orderId, :#analyst)'),
      ],
    },
    {
      // The next risk model scored in shadow mode before it replaces v2: staging only.
      routeId: 'fraud-score-shadow',
      onlyIn: ['staging'],
      steps: (c) => [
        from('kafka:orders.validated?groupId=fraud-check-shadow'),
        enrich(c.http('risk-model', '/v3/score')),
        log('Shadow score ${body.score} for order ${header.orderId}'),
        to('kafka:fraud.shadow-scores'),
      ],
    },
  ],
}

const betaApplications: Record<string, RouteSpec[]> = {
  'claims-intake': [
    {
      routeId: 'claim-submit',
      steps: () => [
        from('platform-http:/claims?httpMethodRestrict=POST'),
        unmarshal('json (ClaimDto)'),
        bean('claimValidator.validate'),
        to('jms:queue:claims.new'),
      ],
    },
    {
      routeId: 'claim-triage',
      steps: (c) => [
        from('jms:queue:claims.new'),
        enrich(c.http('policies', '/policies/${body.policyNumber}')),
        choice(
          when('${body.amount} > 50000', to('jms:queue:claims.senior-adjuster')),
          when('${body.type} == "GLASS"', to('jms:queue:claims.fast-track')),
          otherwise(to('jms:queue:claims.standard')),
        ),
      ],
    },
  ],
  'policy-sync': [
    {
      routeId: 'policy-import',
      steps: () => [
        from('sftp://sftp.broker.example/outbound?username=beta&delete=true'),
        unmarshal('csv'),
        split('${body}', to('sql:insert into policy values (:#number, :#holder, :#premium)')),
      ],
    },
    {
      routeId: 'policy-change-feed',
      steps: () => [
        from('debezium-postgres:policy?offsetStorageFileName=/var/lib/offsets'),
        marshal('json'),
        to('kafka:policy.changes'),
      ],
    },
  ],
  'document-archiver': [
    {
      routeId: 'archive-document',
      steps: () => [
        from('jms:queue:documents.archive'),
        bean('pdfA.convert'),
        to('aws2-s3:beta-archive?storageClass=GLACIER'),
        log('Archived ${header.documentId}'),
      ],
    },
  ],
  'broker-portal-bridge': [
    {
      routeId: 'broker-quote-request',
      steps: (c) => [
        from('cxf:/quotes?serviceClass=com.beta.QuoteService'),
        transform('${body.toQuoteRequest()}'),
        to(c.http('rating', '/rate')),
        marshal('soap'),
      ],
    },
  ],
}

const defaultApplications: Record<string, RouteSpec[]> = {
  'demo-app': [
    {
      routeId: 'hello-timer',
      steps: () => [
        from('timer:hello?period=5000'),
        transform('Hello ${date:now}'),
        log('${body}'),
      ],
    },
    {
      routeId: 'rest-echo',
      steps: () => [
        from('platform-http:/echo'),
        choice(
          when('${header.CamelHttpMethod} == "POST"', transform('${body}')),
          otherwise(transform('pong')),
        ),
      ],
    },
  ],
  'file-mover': [
    {
      routeId: 'move-files',
      steps: () => [
        from('file:/data/in?move=.done'),
        filter('${file:ext} == "xml"', to('file:/data/out/xml')),
        to('file:/data/out/all'),
      ],
    },
  ],
}

const catalogs: Record<string, Record<string, RouteSpec[]>> = {
  acme: acmeApplications,
  beta: betaApplications,
  default: defaultApplications,
}

export function routeSpecsFor(tenantId: string, applicationId: string): RouteSpec[] {
  return catalogs[tenantId]?.[applicationId] ?? []
}
