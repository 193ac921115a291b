import { Outlet } from 'react-router'
import { ScopedNavLink } from '@/environment/scoped-link'
import './alerts.css'

const TABS = [
  { to: '/alerts', label: 'Open', end: true },
  { to: '/alerts/history', label: 'History', end: true },
  { to: '/alerts/rules', label: 'Rules', end: false },
  { to: '/alerts/silences', label: 'Silences', end: true },
] as const

/** `/alerts…`: the heading and the four views as links (each its own URL, with `env`). */
export function AlertsLayout() {
  return (
    <div className="alerts-page">
      <header className="page-header">
        <h1>Alerts</h1>
      </header>
      <nav aria-label="Alert views" className="alerts-tabs">
        {TABS.map((tab) => (
          <ScopedNavLink key={tab.to} to={tab.to} end={tab.end} className="alerts-tab">
            {tab.label}
          </ScopedNavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  )
}
