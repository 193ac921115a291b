import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { createAppRouter } from '@/app/router'
import { followOtherTabs, offerHandoff, restoreSession } from '@/session/session-store'
import { takeHandoffToken } from '@/session/token-handoff'
import '@/app/styles.css'

// A `#access_token=` hand-off leaves the address bar before anything else reads the location:
// before the mock starts (which takes a while) and before the router exists, so no router
// state, link, copied URL or history entry can ever hold the token. A hand-off pasted into
// the tab while the app is still starting is taken the same way and waits for it.
let handoffBeforeStart = takeHandoffToken()
let acceptHandoff: ((token: string) => void) | null = null
window.addEventListener('hashchange', () => {
  const token = takeHandoffToken()
  if (!token) return
  if (acceptHandoff) acceptHandoff(token)
  else handoffBeforeStart = token
})

async function start() {
  // `__MOCKS__` is a build-time constant: in `npm run build` this branch and the whole mock
  // (handlers, data generators, service worker) are dropped from the bundle.
  if (__MOCKS__) {
    const { startMockServer } = await import('@/mocks/browser')
    await startMockServer()
    // For `npm run bench` (the soak reads how many queries the cache holds); mock builds only.
    const { queryClient } = await import('@/lib/query/query-client')
    Object.assign(window, {
      __cameleer3Debug: { queryCount: () => queryClient.getQueryCache().getAll().length },
    })
  }
  restoreSession()
  if (handoffBeforeStart) offerHandoff(handoffBeforeStart)
  handoffBeforeStart = null
  followOtherTabs()

  const router = createAppRouter()
  // Once the app runs, a hand-off pasted into the tab changes only the fragment: no reload
  // happens, and the router has already seen the new location (browsers fire popstate before
  // hashchange). Replace the router's location with the clean one, and only then change the
  // session, so a redirect the new session causes is not undone by this navigation.
  acceptHandoff = (token) => {
    const { pathname, search, hash } = window.location
    void router
      .navigate(`${pathname}${search}${hash}`, {
        replace: true,
        state: router.state.location.state,
      })
      // Whether that navigation completes or another one supersedes it, the hand-off is offered.
      .then(
        () => offerHandoff(token),
        () => offerHandoff(token),
      )
  }

  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  )
}

void start()
