import { useId } from 'react'
import { parseThemeChoice, themeChoices } from '@/lib/theme/theme'
import { useApplyTheme, useThemeChoice, useThemeStore } from '@/lib/theme/theme-store'

/** The header's theme choice (combobox "Theme"), remembered for this user on this browser. */
export function ThemeControl({ userId }: { userId: string }) {
  const id = useId()
  const choice = useThemeChoice(userId)
  const setChoice = useThemeStore((state) => state.setChoice)
  useApplyTheme(choice)
  return (
    <span className="theme-control">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => setChoice(userId, parseThemeChoice(event.target.value) ?? 'system')}
      >
        {themeChoices.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  )
}
