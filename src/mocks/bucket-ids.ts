import { hashString } from './random'

const TAG_SPACE = 36 ** 4

/**
 * Ids of generated items (executions, log lines): `<bucket>-<index>-<tag>`, base 36, fixed
 * width (so string order is time order, as the contract's tie-break on ids needs). The tag is a
 * hash of the model's key (tenant and environment), the bucket and the index: an id copied
 * from another tenant or environment does not resolve there. `indexDigits` is the width of the
 * index part (a log bucket holds more lines than an execution bucket holds executions).
 */
export function bucketIdCodec(indexDigits: number) {
  const pattern = new RegExp(`^([0-9a-z]{6})-([0-9a-z]{${indexDigits}})-([0-9a-z]{4})$`)
  const tag = (modelKey: string, bucket: number, index: number) =>
    (hashString(`${modelKey}/${bucket}/${index}/id`) % TAG_SPACE).toString(36).padStart(4, '0')
  return {
    format(modelKey: string, bucket: number, index: number): string {
      return `${bucket.toString(36).padStart(6, '0')}-${index.toString(36).padStart(indexDigits, '0')}-${tag(modelKey, bucket, index)}`
    },
    parse(modelKey: string, id: string): { bucket: number; index: number } | null {
      const match = pattern.exec(id)
      if (!match) return null
      const bucket = parseInt(match[1] ?? '', 36)
      const index = parseInt(match[2] ?? '', 36)
      if (tag(modelKey, bucket, index) !== match[3]) return null
      return { bucket, index }
    },
  }
}
