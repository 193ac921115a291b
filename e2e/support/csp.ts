import type { Page } from '@playwright/test'

/**
 * Records every Content-Security-Policy and Trusted Types violation a page reports: the
 * `securitypolicyviolation` events of each document (listened for before any app code runs)
 * and the console messages Chromium writes about them. The shared `page` fixture installs it
 * for every end-to-end test and fails the test on any entry, so a view that breaks the
 * production policy cannot pass the suite.
 */

const recorded = new WeakMap<Page, string[]>()

const REPORT_BINDING = '__cameleer3ReportCspViolation'

/** Chromium's wording for blocked loads ("…violates the following Content Security Policy…")
 * and for Trusted Types ("This document requires 'TrustedHTML' assignment"). */
const CONSOLE_PATTERN = /Content Security Policy|Trusted ?Type|requires 'Trusted/i

export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  recorded.set(page, violations)
  await page.exposeFunction(REPORT_BINDING, (violation: string) => {
    violations.push(violation)
  })
  await page.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (violation: string) => void>)[binding]
      const blocked = event.blockedURI || '(inline)'
      const sample = event.sample ? ` "${event.sample}"` : ''
      report?.(
        `${event.disposition} ${event.effectiveDirective}: ${blocked}${sample} at ${event.sourceFile || event.documentURI}:${event.lineNumber}`,
      )
    })
  }, REPORT_BINDING)
  page.on('console', (message) => {
    if (CONSOLE_PATTERN.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  return violations
}

/** The violations recorded on `page` so far (the same array, still growing). */
export function cspViolationsOf(page: Page): string[] {
  const violations = recorded.get(page)
  if (!violations) throw new Error('this page was not created by the e2e fixtures')
  return violations
}
