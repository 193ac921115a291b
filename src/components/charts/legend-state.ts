/**
 * Which series a chart shows and which one is highlighted, as a pure reducer (as in Grafana):
 * a click on a legend entry isolates that series (a second click on the only one shown brings
 * every series back), a modified click (Ctrl, ⌘ or Shift) adds it to or removes it from what
 * is shown, and hovering (or focusing) an entry highlights its series.
 */
export interface LegendState {
  /** The keys shown; `null` means every series. */
  shown: readonly string[] | null
  highlighted: string | null
}

export type LegendAction =
  | { type: 'click'; key: string; modified: boolean; keys: readonly string[] }
  | { type: 'hover'; key: string | null }
  | { type: 'reset' }

export const initialLegendState: LegendState = { shown: null, highlighted: null }

export function legendReducer(state: LegendState, action: LegendAction): LegendState {
  switch (action.type) {
    case 'hover':
      return state.highlighted === action.key ? state : { ...state, highlighted: action.key }
    case 'reset':
      return initialLegendState
    case 'click': {
      const { key, keys } = action
      const shown = state.shown ?? keys
      if (!action.modified) {
        const onlyThis = state.shown !== null && shown.length === 1 && shown[0] === key
        return { ...state, shown: onlyThis ? null : [key] }
      }
      const next = shown.includes(key)
        ? shown.filter((candidate) => candidate !== key)
        : keys.filter((candidate) => candidate === key || shown.includes(candidate))
      // Every series shown again is the same as no selection (new series then show too).
      if (next.length === keys.length && keys.every((candidate) => next.includes(candidate))) {
        return { ...state, shown: null }
      }
      return { ...state, shown: next }
    }
  }
}

export function isShown(state: LegendState, key: string): boolean {
  return state.shown === null || state.shown.includes(key)
}
