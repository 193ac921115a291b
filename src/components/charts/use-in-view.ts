import { useEffect, useState } from 'react'

/**
 * Whether the element has come near the viewport (once true, it stays true): charts below
 * the fold are neither fetched nor drawn until they are scrolled to. Takes the element, not a
 * ref: a figure may mount after the hook's owner. Without IntersectionObserver (old browsers,
 * some test environments) everything counts as in view.
 */
export function useInView(element: Element | null, rootMargin = '200px'): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    if (inView || !element) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setInView(true)
          observer.disconnect()
        }
      },
      { rootMargin },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [element, inView, rootMargin])
  return inView
}
