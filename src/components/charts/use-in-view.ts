import { useEffect, useState, type RefObject } from 'react'

/**
 * Whether the element has come near the viewport (once true, it stays true): charts below
 * the fold are not drawn until they are scrolled to. Without IntersectionObserver (old
 * browsers, some test environments) everything counts as in view.
 */
export function useInView(ref: RefObject<Element | null>, rootMargin = '200px'): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const element = ref.current
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
  }, [ref, inView, rootMargin])
  return inView
}
