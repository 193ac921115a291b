import { useLayoutEffect, useState } from 'react'

/**
 * The element's content width in CSS pixels, following resizes (0 until measured). Takes the
 * element, not a ref: the plot mounts only once there is data, after the figure around it.
 */
export function useElementWidth(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    // ResizeObserver reports the first size right after observe(); without it (old browsers,
    // jsdom) the width stays 0 and only the text alternative is shown.
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
