import { useId, type ReactNode } from 'react'

/** What a form field hands its control: its id, and what describes it when there is any. */
export interface FieldControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

/**
 * A labelled control in the forms' `.field` layout, with an optional hint and the problem the
 * field has (both read out with the control through `aria-describedby`). The control is given
 * as a function of its props, so a field can hold an input, a select or a group of them.
 */
export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string
  hint?: string
  error?: string
  children: (props: FieldControlProps) => ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-problem">
          {error}
        </span>
      ) : null}
    </div>
  )
}
