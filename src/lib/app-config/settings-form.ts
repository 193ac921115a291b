import { formatPayloadSize, fromBytes, toBytes, type ByteUnit } from './byte-units'
import type { AppSettings } from './settings-diff'

/**
 * The configuration form's draft and the contract's limits, checked before anything is sent
 * (the server checks them again: a 400 names the member). What the user types is kept as
 * typed, so an invalid value stays on screen with its message beside it.
 */

export const MAX_PAYLOAD_BYTES = 10_485_760
export const MAX_MASKED_KEYS = 100
export const MAX_MASKED_KEY_LENGTH = 100

export interface SettingsDraft {
  tracing: AppSettings['tracing']
  /** Percent, as typed ("25"). */
  samplingPercent: string
  payloadCapture: AppSettings['payloadCapture']
  /** In `maxPayloadUnit`, as typed ("64"). */
  maxPayload: string
  maxPayloadUnit: ByteUnit
  logLevel: AppSettings['logLevel']
  maskedKeys: string[]
}

export interface DraftErrors {
  samplingRate?: string
  maxPayloadBytes?: string
  /** About the list as a whole (too many). */
  maskedKeys?: string
  /** Per key, by index: its message, or undefined. */
  maskedKey?: (string | undefined)[]
}

export function draftOf(settings: AppSettings): SettingsDraft {
  const size = fromBytes(settings.maxPayloadBytes)
  return {
    tracing: settings.tracing,
    samplingPercent: String(Number((settings.samplingRate * 100).toFixed(4))),
    payloadCapture: settings.payloadCapture,
    maxPayload: String(size.value),
    maxPayloadUnit: size.unit,
    logLevel: settings.logLevel,
    maskedKeys: [...settings.maskedKeys],
  }
}

/** A decimal number as typed ("12", "0.5", "1,5"), or null. */
function parseNumber(text: string): number | null {
  const normalized = text.trim().replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null
  return Number(normalized)
}

/** The settings the draft stands for, or the messages that say why it cannot be sent. */
export function settingsOfDraft(
  draft: SettingsDraft,
): { settings: AppSettings; errors: null } | { settings: null; errors: DraftErrors } {
  const errors: DraftErrors = {}
  const percent = parseNumber(draft.samplingPercent)
  if (percent === null || percent > 100) {
    errors.samplingRate = 'Enter a percentage from 0 to 100.'
  }
  const size = parseNumber(draft.maxPayload)
  const bytes = size === null ? null : toBytes(size, draft.maxPayloadUnit)
  if (bytes === null || bytes > MAX_PAYLOAD_BYTES) {
    errors.maxPayloadBytes = `Enter a size from 0 to ${formatPayloadSize(MAX_PAYLOAD_BYTES)}.`
  }
  if (draft.maskedKeys.length > MAX_MASKED_KEYS) {
    errors.maskedKeys = `At most ${MAX_MASKED_KEYS} keys; remove ${draft.maskedKeys.length - MAX_MASKED_KEYS}.`
  }
  const keyErrors = draft.maskedKeys.map((key) =>
    key.length === 0
      ? 'Enter a key, or remove this one.'
      : key.length > MAX_MASKED_KEY_LENGTH
        ? `At most ${MAX_MASKED_KEY_LENGTH} characters (this has ${key.length}).`
        : undefined,
  )
  if (keyErrors.some(Boolean)) errors.maskedKey = keyErrors
  if (Object.keys(errors).length > 0 || percent === null || bytes === null) {
    return { settings: null, errors }
  }
  return {
    settings: {
      tracing: draft.tracing,
      samplingRate: Number((percent / 100).toFixed(6)),
      payloadCapture: draft.payloadCapture,
      maxPayloadBytes: bytes,
      logLevel: draft.logLevel,
      maskedKeys: [...draft.maskedKeys],
    },
    errors: null,
  }
}
