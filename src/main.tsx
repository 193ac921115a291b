import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { createAppQueryClient } from '@/app/app-query-client'
import { createAppRouter } from '@/app/router'
import { followOtherTabs, offerHandoff, restoreSession } from '@/session/session-store'
import { listenForPastedHandoffs, takeHandoffToken } from '@/session/token-handoff'
import '@/app/styles.css'

// A `#access_token=` hand-off leaves the address bar before anything else reads the location:
// before the mock starts (which takes a while) and before the router exists, so no router
// state, link, copied URL or history entry can ever hold the token. One pasted into the tab
// later is taken before the router sees it (see `listenForPastedHandoffs`); while the app is
// still starting, it waits for the session to be restored.
let handoffBeforeStart = takeHandoffToken()
let started = false
listenForPastedHandoffs((token) => {
  if (started) offerHandoff(token)
  else handoffBeforeStart = token
})

async function start() {
  // Created before the session is restored: the client follows the session and the
  // environment from the start (app-query-client.ts).
  const queryClient = createAppQueryClient()
  // `__MOCKS__` is a build-time constant: in `npm run build` this branch and the whole mock
  // (handlers, data generators, service worker) are dropped from the bundle.
  if (__MOCKS__) {
    const { startMockServer } = await import('@/mocks/browser')
    await startMockServer()
  }
  restoreSession()
  if (handoffBeforeStart) offerHandoff(handoffBeforeStart)
  handoffBeforeStart = null
  started = true
  followOtherTabs()

  const router = createAppRouter()
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App router={router} queryClient={queryClient} />
    </StrictMode>,
  )
}

void start()
