import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import { splitTextRows } from '@/lib/text-rows'
import type { LongTextViewProps } from './long-text-view'

/** Characters per row when a line is cut (a wide screen shows about this many). */
const ROW_CHARS = 160
/** px; matches --long-text-row (1.25rem at a 16 px root). */
const ROW_PX = 20

/**
 * A long text cut into rows of one height, only the rows in view in the DOM (see LongTextView).
 * A module of its own: the virtualizer is loaded only when a text is this long.
 */
export function VirtualText({ text, id, className, label }: LongTextViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = useMemo(() => splitTextRows(text, ROW_CHARS), [text])
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this app
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 20,
    useFlushSync: false,
  })
  return (
    <div
      id={id}
      ref={scrollRef}
      className={`${className} long-text`}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <div className="long-text-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            className={`long-text-row${rows.continues[item.index] ? ' long-text-row-continued' : ''}`}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {text.slice(rows.starts[item.index], rows.ends[item.index])}
          </div>
        ))}
      </div>
    </div>
  )
}
