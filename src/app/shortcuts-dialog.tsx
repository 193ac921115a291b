import { useEffect, useId, useRef } from 'react'
import { navigationShortcuts } from './navigation-shortcuts'

// The list of keys shown by `?` and the header's "Keyboard shortcuts" button: loaded the first
// time it is opened, so the first paint of every page carries only the key handler.
interface ListedShortcut {
  keys: string[][]
  description: string
}

const listedShortcuts: ListedShortcut[] = [
  { keys: [['?']], description: 'Show this list of keyboard shortcuts' },
  ...navigationShortcuts.map((shortcut) => ({
    keys: [['g', shortcut.key]],
    description: `Go to ${shortcut.label}, keeping the environment and time range`,
  })),
  { keys: [['/']], description: 'Focus the search box of the page (where it has none: Go to)' },
  {
    keys: [['Ctrl+K'], ['⌘K']],
    description: 'Go to a page, application, route, agent, saved view, environment or id',
  },
  { keys: [['Shift+E']], description: 'Open the environment switcher' },
  { keys: [['t']], description: 'Open the time range picker' },
  { keys: [['r']], description: 'Refresh the page’s data' },
  { keys: [['Escape']], description: 'Leave a field, or close a dialog or panel' },
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog"
      aria-labelledby={titleId}
      // Escape: the browser closes the dialog and returns focus where it was.
      onClose={onClose}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="workspace-dialog-hint">
        Shortcuts do nothing while you type in a field, and but for Ctrl+K (⌘K) never use Ctrl, Alt
        or ⌘, so the browser’s and your screen reader’s keys keep working.
      </p>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {listedShortcuts.map((shortcut) => (
            <tr key={shortcut.description}>
              <td>
                {shortcut.keys.map((sequence) => (
                  <span key={sequence.join(' ')} className="shortcut-keys">
                    {sequence.map((key, index) => (
                      <span key={key}>
                        {index > 0 ? ' then ' : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="workspace-dialog-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
