/**
 * Payload sizes in units people read: the settings hold bytes, the form shows the largest unit
 * that divides them exactly (so editing nothing changes nothing), and a size is written back
 * in bytes. 1 KB = 1024 bytes, as the agents count.
 */

export type ByteUnit = 'bytes' | 'KB' | 'MB'

export const BYTE_UNITS: readonly ByteUnit[] = ['bytes', 'KB', 'MB']

const FACTOR: Readonly<Record<ByteUnit, number>> = { bytes: 1, KB: 1024, MB: 1024 * 1024 }

/** 65536 → { value: 64, unit: 'KB' }; 1000 → { value: 1000, unit: 'bytes' }. */
export function fromBytes(bytes: number): { value: number; unit: ByteUnit } {
  for (const unit of ['MB', 'KB'] as const) {
    if (bytes >= FACTOR[unit] && bytes % FACTOR[unit] === 0) {
      return { value: bytes / FACTOR[unit], unit }
    }
  }
  return { value: bytes, unit: 'bytes' }
}

/** 1.5 MB → 1572864; whole bytes (rounded). */
export function toBytes(value: number, unit: ByteUnit): number {
  return Math.round(value * FACTOR[unit])
}

/**
 * 65536 → "64 KB", 1572864 → "1.5 MB", 500 → "500 bytes": in the form's own units, so what is
 * shown can be typed back (lib/format's formatBytes rounds for reading, "64.0 kB").
 */
export function formatPayloadSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'invalid'
  const unit: ByteUnit = bytes >= FACTOR.MB ? 'MB' : bytes >= FACTOR.KB ? 'KB' : 'bytes'
  const value = Number((bytes / FACTOR[unit]).toFixed(2))
  return unit === 'bytes' && value === 1 ? '1 byte' : `${value} ${unit}`
}
