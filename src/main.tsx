import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { createAppRouter } from '@/app/router'
import { followOtherTabs, offerHandoff, restoreSession } from '@/session/session-store'
import { takeHandoffToken } from '@/session/token-handoff'
import '@/app/styles.css'

// A `#access_token=` hand-off leaves the address bar before anything else reads the location:
// before the mock starts (which takes a while) and before the router exists, so no router
// state, link, copied URL or history entry can ever hold the token.
const handoffToken = takeHandoffToken()

async function start() {
  // `__MOCKS__` is a build-time constant: in `npm run build` this branch and the whole mock
  // (handlers, data generators, service worker) are dropped from the bundle.
  if (__MOCKS__) {
    const { startMockServer } = await import('@/mocks/browser')
    await startMockServer()
  }
  restoreSession()
  if (handoffToken) offerHandoff(handoffToken)
  followOtherTabs()

  const router = createAppRouter()
  // A hand-off link pasted into an open tab changes only the fragment: no reload happens, and
  // the router has already seen the new location (browsers fire popstate before hashchange).
  // Take the token out, then replace the router's location with the clean one.
  window.addEventListener('hashchange', () => {
    const token = takeHandoffToken()
    if (!token) return
    const { pathname, search, hash } = window.location
    void router.navigate(`${pathname}${search}${hash}`, {
      replace: true,
      state: router.state.location.state,
    })
    offerHandoff(token)
  })

  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  )
}

void start()
