import { useLayoutEffect, useState } from 'react'

/** The element's content width in CSS pixels, following resizes (0 until measured). */
export function useElementWidth(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    // Without ResizeObserver (jsdom) the width stays 0 and only the text alternative shows.
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0]
      if (entry) setWidth(Math.floor(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  return width
}
