import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { restoreSession, startSession } from '@/session/session-store'
import { takeHandoffToken } from '@/session/token-handoff'
import '@/app/styles.css'

/** Take a `#access_token=` hand-off (from the address bar at once) into the session. */
function acceptHandoff(): void {
  const token = takeHandoffToken()
  if (token) startSession(token, 'handoff')
}

async function start() {
  // `__MOCKS__` is a build-time constant: in `npm run build` this branch and the whole mock
  // (handlers, data generators, service worker) are dropped from the bundle.
  if (__MOCKS__) {
    const { startMockServer } = await import('@/mocks/browser')
    await startMockServer()
  }
  restoreSession()
  acceptHandoff()
  // A hand-off link pasted into an open tab changes only the fragment: no reload happens.
  window.addEventListener('hashchange', acceptHandoff)

  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

void start()
