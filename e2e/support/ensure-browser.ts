/**
 * Makes sure a Chromium exists before `playwright test` starts (run by `npm run test:e2e`).
 *
 * Playwright's own browser download is blocked on some machines (no access to its CDN), while
 * Debian's `chromium` package installs fine and `playwright.config.ts` uses it when present.
 * Order: Debian's chromium already there, or Playwright's own → nothing to do; else, as root
 * with apt-get, install Debian's; else try `npx playwright install chromium`; else explain.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

function log(message: string): void {
  console.log(`[ensure-browser] ${message}`)
}

/** Launching is the only reliable check: a half-finished download leaves files behind. */
async function playwrightChromiumWorks(): Promise<boolean> {
  try {
    const browser = await chromium.launch({ timeout: 30_000 })
    await browser.close()
    return true
  } catch {
    return false
  }
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function run(command: string, args: string[]): boolean {
  log(`running: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

async function main(): Promise<number> {
  if (existsSync(SYSTEM_CHROMIUM)) {
    log(`using ${SYSTEM_CHROMIUM}`)
    return 0
  }
  if (await playwrightChromiumWorks()) {
    log("using Playwright's own Chromium")
    return 0
  }

  const isRoot = process.getuid?.() === 0
  if (isRoot && commandExists('apt-get')) {
    log("no Chromium found: installing Debian's chromium package")
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) {
      if (existsSync(SYSTEM_CHROMIUM)) {
        log(`installed ${SYSTEM_CHROMIUM}`)
        return 0
      }
      log(`apt-get finished but ${SYSTEM_CHROMIUM} does not exist`)
    } else {
      log('apt-get could not install chromium')
    }
  }

  log("trying Playwright's own download")
  if (run('npx', ['playwright', 'install', 'chromium']) && (await playwrightChromiumWorks())) {
    log("using Playwright's own Chromium")
    return 0
  }

  console.error(
    [
      '',
      '[ensure-browser] No Chromium is available for the end-to-end tests.',
      'Install one of these, then run `npm run test:e2e` again:',
      '  - Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium',
      '    (playwright.config.ts uses /usr/bin/chromium when it exists)',
      "  - Playwright's build (needs access to its download CDN): npx playwright install --with-deps chromium",
      '',
    ].join('\n'),
  )
  return 1
}

process.exitCode = await main()
