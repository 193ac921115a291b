import type { Schemas } from '@/lib/api/types'
import { formatPayloadSize } from './byte-units'

/**
 * An application's settings in words, compared: what differs between two environments, what a
 * save changes, and the three-way merge that reapplies someone's edits on top of a version
 * saved in between (a 412).
 */

export type AppSettings = Schemas['AppSettings']
export type SettingKey = keyof AppSettings

/** In the order the form shows them. */
export const SETTING_KEYS: readonly SettingKey[] = [
  'tracing',
  'samplingRate',
  'payloadCapture',
  'maxPayloadBytes',
  'logLevel',
  'maskedKeys',
]

export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  tracing: 'Tracing',
  samplingRate: 'Sampling rate',
  payloadCapture: 'Payload capture',
  maxPayloadBytes: 'Maximum payload size',
  logLevel: 'Log level',
  maskedKeys: 'Masked keys',
}

export const TRACING_LABELS: Readonly<Record<AppSettings['tracing'], string>> = {
  OFF: 'Off',
  FAILED_ONLY: 'Failed exchanges only',
  SAMPLED: 'Sampled',
  ALL: 'All exchanges',
}

export const CAPTURE_LABELS: Readonly<Record<AppSettings['payloadCapture'], string>> = {
  NONE: 'None',
  HEADERS: 'Headers only',
  HEADERS_AND_BODIES: 'Headers and bodies',
}

export const LOG_LEVELS: readonly AppSettings['logLevel'][] = [
  'ERROR',
  'WARN',
  'INFO',
  'DEBUG',
  'TRACE',
]

/** A rate of 0–1 as a percentage, at most two decimals: 0.25 → "25 %". */
export function formatRatePercent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))} %`
}

/** One setting's value in words. */
export function describeSetting(settings: AppSettings, key: SettingKey): string {
  switch (key) {
    case 'tracing':
      return TRACING_LABELS[settings.tracing]
    case 'samplingRate':
      return formatRatePercent(settings.samplingRate)
    case 'payloadCapture':
      return CAPTURE_LABELS[settings.payloadCapture]
    case 'maxPayloadBytes':
      return formatPayloadSize(settings.maxPayloadBytes)
    case 'logLevel':
      return settings.logLevel
    case 'maskedKeys':
      return settings.maskedKeys.length ? settings.maskedKeys.join(', ') : 'none'
  }
}

export function sameSetting(a: AppSettings, b: AppSettings, key: SettingKey): boolean {
  return key === 'maskedKeys'
    ? a.maskedKeys.length === b.maskedKeys.length &&
        a.maskedKeys.every((value, index) => value === b.maskedKeys[index])
    : a[key] === b[key]
}

export interface SettingComparison {
  key: SettingKey
  label: string
  a: string
  b: string
  differs: boolean
}

/** Every setting of the two, in the form's order, each marked whether it differs. */
export function compareSettings(a: AppSettings, b: AppSettings): SettingComparison[] {
  return SETTING_KEYS.map((key) => ({
    key,
    label: SETTING_LABELS[key],
    a: describeSetting(a, key),
    b: describeSetting(b, key),
    differs: !sameSetting(a, b, key),
  }))
}

/** The settings that differ (none: the same configuration). */
export function differingSettings(a: AppSettings, b: AppSettings): SettingKey[] {
  return SETTING_KEYS.filter((key) => !sameSetting(a, b, key))
}

export interface Reapplied {
  /** Their version with every setting the user changed (from `base`) set to the user's value. */
  settings: AppSettings
  /** Settings the user changed. */
  mine: SettingKey[]
  /** Settings they changed to something else than the user did: the user's value is kept. */
  conflicts: SettingKey[]
}

/**
 * Three-way merge after a 412: `base` is what the user started from, `mine` what they made of
 * it, `theirs` the version saved in between. The user's changed settings go over theirs; what
 * the user left alone takes their value.
 */
export function reapplyChanges(
  base: AppSettings,
  mine: AppSettings,
  theirs: AppSettings,
): Reapplied {
  const changed = differingSettings(base, mine)
  const settings: AppSettings = { ...theirs, maskedKeys: [...theirs.maskedKeys] }
  for (const key of changed) {
    Object.assign(settings, { [key]: key === 'maskedKeys' ? [...mine.maskedKeys] : mine[key] })
  }
  const conflicts = changed.filter(
    (key) => !sameSetting(base, theirs, key) && !sameSetting(mine, theirs, key),
  )
  return { settings, mine: changed, conflicts }
}
