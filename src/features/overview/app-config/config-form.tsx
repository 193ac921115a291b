import { FormField } from '@/components/form-field'
import { useId } from 'react'
import { BYTE_UNITS, type ByteUnit } from '@/lib/app-config/byte-units'
import {
  CAPTURE_LABELS,
  LOG_LEVELS,
  TRACING_LABELS,
  type AppSettings,
} from '@/lib/app-config/settings-diff'
import {
  MAX_MASKED_KEY_LENGTH,
  MAX_MASKED_KEYS,
  type DraftErrors,
  type SettingsDraft,
} from '@/lib/app-config/settings-form'

/**
 * The settings as a form: each field labelled as the contract names the setting, its limit
 * said beside it and, when the value breaks it, the message in its place (tied to the field by
 * `aria-describedby`). Read-only (a fieldset disabled) for anyone who may not change it.
 */
export function ConfigForm({
  draft,
  errors,
  readOnly,
  readOnlyNoteId,
  onChange,
}: {
  draft: SettingsDraft
  errors: DraftErrors
  readOnly: boolean
  readOnlyNoteId?: string
  onChange: (draft: SettingsDraft) => void
}) {
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...draft, ...patch })
  const sampled = draft.tracing === 'SAMPLED'
  return (
    <fieldset
      className="app-config-form"
      disabled={readOnly}
      aria-describedby={readOnly ? readOnlyNoteId : undefined}
    >
      <legend className="visually-hidden">Settings</legend>
      <FormField label="Tracing" hint="Which exchanges agents record as executions.">
        {(props) => (
          <select
            {...props}
            value={draft.tracing}
            onChange={(event) => set({ tracing: event.target.value as AppSettings['tracing'] })}
          >
            {Object.entries(TRACING_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label="Sampling rate"
        hint={
          sampled
            ? 'Percent of exchanges traced, 0–100.'
            : 'Percent of exchanges traced, 0–100; used only when Tracing is Sampled.'
        }
        error={errors.samplingRate}
      >
        {(props) => (
          <span className="app-config-unit-input">
            <input
              {...props}
              inputMode="decimal"
              autoComplete="off"
              value={draft.samplingPercent}
              onChange={(event) => set({ samplingPercent: event.target.value })}
            />
            <span aria-hidden="true">%</span>
          </span>
        )}
      </FormField>
      <FormField label="Payload capture" hint="What of each message agents keep for inspection.">
        {(props) => (
          <select
            {...props}
            value={draft.payloadCapture}
            onChange={(event) =>
              set({ payloadCapture: event.target.value as AppSettings['payloadCapture'] })
            }
          >
            {Object.entries(CAPTURE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <PayloadSize draft={draft} error={errors.maxPayloadBytes} onChange={set} />
      <FormField label="Log level" hint="The least severe level agents send.">
        {(props) => (
          <select
            {...props}
            value={draft.logLevel}
            onChange={(event) => set({ logLevel: event.target.value as AppSettings['logLevel'] })}
          >
            {LOG_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <MaskedKeys
        keys={draft.maskedKeys}
        errors={errors}
        readOnly={readOnly}
        onChange={(maskedKeys) => set({ maskedKeys })}
      />
    </fieldset>
  )
}

function PayloadSize({
  draft,
  error,
  onChange,
}: {
  draft: SettingsDraft
  error?: string
  onChange: (patch: Partial<SettingsDraft>) => void
}) {
  const unitId = useId()
  return (
    <FormField
      label="Maximum payload size"
      hint="Larger bodies are cut to this size; at most 10 MB."
      error={error}
    >
      {(props) => (
        <span className="app-config-unit-input">
          <input
            {...props}
            inputMode="decimal"
            autoComplete="off"
            value={draft.maxPayload}
            onChange={(event) => onChange({ maxPayload: event.target.value })}
          />
          <label htmlFor={unitId} className="visually-hidden">
            Unit of the maximum payload size
          </label>
          <select
            id={unitId}
            value={draft.maxPayloadUnit}
            onChange={(event) => onChange({ maxPayloadUnit: event.target.value as ByteUnit })}
          >
            {BYTE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </span>
      )}
    </FormField>
  )
}

function MaskedKeys({
  keys,
  errors,
  readOnly,
  onChange,
}: {
  keys: string[]
  errors: DraftErrors
  readOnly: boolean
  onChange: (keys: string[]) => void
}) {
  const headingId = useId()
  const hintId = useId()
  const listErrorId = useId()
  const newKeyId = useId()
  const full = keys.length >= MAX_MASKED_KEYS
  return (
    <div className="field app-config-masked" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="field-label">
        Masked keys
      </span>
      <span id={hintId} className="field-hint">
        Header and body keys whose values agents replace with ***: at most {MAX_MASKED_KEYS}, each
        1–{MAX_MASKED_KEY_LENGTH} characters.
      </span>
      {keys.length === 0 ? <p className="muted">No key is masked.</p> : null}
      <ul className="app-config-keys">
        {keys.map((key, index) => {
          const error = errors.maskedKey?.[index]
          const id = `${newKeyId}-${index}`
          return (
            <li key={index}>
              <label htmlFor={id} className="visually-hidden">
                Masked key {index + 1}
              </label>
              <input
                id={id}
                autoComplete="off"
                spellCheck={false}
                value={key}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) =>
                  onChange(keys.map((value, at) => (at === index ? event.target.value : value)))
                }
              />
              {readOnly ? null : (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => onChange(keys.filter((_, at) => at !== index))}
                >
                  Remove <span className="visually-hidden">masked key {key || index + 1}</span>
                </button>
              )}
              {error ? (
                <span id={`${id}-error`} className="field-problem">
                  {error}
                </span>
              ) : null}
            </li>
          )
        })}
      </ul>
      {errors.maskedKeys ? (
        <span id={listErrorId} className="field-problem">
          {errors.maskedKeys}
        </span>
      ) : null}
      {readOnly ? null : (
        <button
          type="button"
          className="button"
          disabled={full}
          aria-describedby={full ? hintId : undefined}
          onClick={() => onChange([...keys, ''])}
        >
          Add masked key
        </button>
      )}
    </div>
  )
}
