import { ChevronDown } from 'lucide-react'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import './menu-button.css'

export interface MenuItem {
  /** What the item says ("Stop"); with `label` its accessible name ("Stop orders-in"). */
  text: string
  label?: string
  onSelect: () => void
}

/**
 * The WAI-ARIA menu button pattern: a button (`aria-haspopup="menu"`, `aria-expanded`) opening
 * a `menu` of `menuitem`s. Enter, Space or ArrowDown open it on the first item, ArrowUp on the
 * last; arrows, Home and End move within it; Enter or Space chooses; Escape closes it and
 * returns focus to the button; Tab or a click elsewhere closes it.
 */
export function MenuButton({
  label,
  text,
  items,
  className = 'button',
}: {
  /** The button's accessible name ("Actions for orders-in"). */
  label: string
  /** What the button shows (defaults to the label). */
  text?: string
  items: readonly MenuItem[]
  className?: string
}) {
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const buttonId = useId()

  useEffect(() => {
    if (!open) return
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus()
  }, [open, active])

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const openAt = (index: number) => {
    setActive(index)
    setOpen(true)
  }
  const close = (restoreFocus: boolean) => {
    setOpen(false)
    if (restoreFocus) buttonRef.current?.focus()
  }
  const choose = (item: MenuItem) => {
    close(true)
    item.onSelect()
  }

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      openAt(0)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      openAt(items.length - 1)
    }
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1
    const moves: Record<string, number> = {
      ArrowDown: active >= last ? 0 : active + 1,
      ArrowUp: active <= 0 ? last : active - 1,
      Home: 0,
      End: last,
    }
    const next = moves[event.key]
    if (next !== undefined) {
      event.preventDefault()
      setActive(next)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') {
      close(false)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      const item = items[active]
      if (item) choose(item)
    }
  }

  if (items.length === 0) return null
  return (
    <div className="menu-button" ref={wrapRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={className}
        aria-label={text && text !== label ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        {text ?? label}
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open ? (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          className="menu-button-menu"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item, index) => (
            <li
              key={item.text}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-label={item.label}
              className="menu-button-item"
              onClick={() => choose(item)}
              onPointerMove={() => setActive(index)}
            >
              {item.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
