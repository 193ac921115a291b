import { useId } from 'react'

/** An option as value and words; a plain string is both. */
export type SelectOption = string | { value: string; label: string }

/**
 * A labelled select in the forms' `.field` layout: one line where a filter bar or a dialog
 * offers a choice. `none` is a first option with the value '' ("All statuses", "Choose a
 * rule…").
 */
export function SelectField({
  label,
  value,
  onChange,
  options,
  none,
  disabled,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  options: readonly SelectOption[]
  none?: string
  disabled?: boolean
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {none === undefined ? null : <option value="">{none}</option>}
        {options.map((option) => {
          const { value: optionValue, label: words } =
            typeof option === 'string' ? { value: option, label: option } : option
          return (
            <option key={optionValue} value={optionValue}>
              {words}
            </option>
          )
        })}
      </select>
    </div>
  )
}
