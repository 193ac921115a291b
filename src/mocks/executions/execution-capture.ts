/**
 * Which applications capture message payloads (their `payloadCapture` setting is not `NONE`):
 * most do; payment data is never captured in prod, and staging's notifier keeps customers'
 * mail out of the store. Without capture an execution's processors have no snapshot.
 */
const CAPTURE_OFF: Readonly<Record<string, readonly string[]>> = {
  prod: ['payment-gateway'],
  staging: ['customer-notifier'],
}

export function capturesPayloads(
  _tenantId: string,
  environment: string,
  applicationId: string,
): boolean {
  return !(CAPTURE_OFF[environment] ?? []).includes(applicationId)
}
