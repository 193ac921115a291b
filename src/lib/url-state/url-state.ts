import { isWellFormedId } from '@/lib/ids'

/**
 * A view's URL state, declared once: each field names its parameter(s), how a value is read
 * and written, and what it is when absent. From that one description come reading (with the
 * values that were ignored, worded for the user), writing (defaults leave no parameter, every
 * other parameter such as `env`, `from`, `to` is kept) and the mapping to the API's names.
 *
 * Links are typed in, pasted from chat and bookmarked: a value that cannot be used is never
 * acted on or sent. It falls back to the field's default and is reported, naming its
 * parameter, so `<IgnoredLinkValues>` can list it and offer to remove it.
 */

/** A value of the link that was ignored, and the parameter it came in. */
export interface IgnoredLinkValue {
  param: string
  message: string
}

export interface UrlField<T> {
  /** The parameters this field owns. */
  readonly params: readonly string[]
  readonly fallback: T
  read(params: URLSearchParams): { value: T; ignored: IgnoredLinkValue[] }
  /** Writes the value into `params`, deleting what the default needs no parameter for. */
  write(params: URLSearchParams, value: T): void
}

/**
 * How one parameter's value reads: the value; or why it was ignored; or both, when part of it
 * was kept (a search text cut to the server's limit, the valid names of a list).
 */
export type Parsed<T> = { value: T; ignored?: string } | { ignored: string }

/** A raw value as a message quotes it: in quotes, cut at 40 characters. */
export const shown = (raw: string) => `“${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”`

/**
 * One parameter. `parse` sees every value present in the URL, empty ones included;
 * `serialize` returns `null` for "no parameter" (and is not called for the fallback).
 */
export function param<T>(
  name: string,
  spec: {
    fallback: T
    parse: (raw: string) => Parsed<T>
    serialize: (value: T) => string | null
    /** Equality with the fallback (default `===`), for values such as lists and objects. */
    equals?: (a: T, b: T) => boolean
  },
): UrlField<T> {
  const equals = spec.equals ?? Object.is
  return {
    params: [name],
    fallback: spec.fallback,
    read(params) {
      const raw = params.get(name)
      if (raw === null) return { value: spec.fallback, ignored: [] }
      const parsed = spec.parse(raw)
      return {
        value: 'value' in parsed ? parsed.value : spec.fallback,
        ignored: parsed.ignored === undefined ? [] : [{ param: name, message: parsed.ignored }],
      }
    },
    write(params, value) {
      const text = equals(value, spec.fallback) ? null : spec.serialize(value)
      if (text === null) params.delete(name)
      else params.set(name, text)
    },
  }
}

/** An empty parameter means "not set" for every field below but lists. */
const unset = { value: null } as const

/** One of a fixed set of values; `null` when absent. */
export function choice<const V extends string>(
  name: string,
  values: readonly V[],
  options: {
    label: string
    /** Accept `warn` for `WARN` (values are upper case). */
    upperCase?: boolean
    /** The message for a value not in the set, where a view words it its own way. */
    message?: (raw: string) => string
  },
): UrlField<V | null> {
  return param<V | null>(name, {
    fallback: null,
    parse(raw) {
      if (raw === '') return unset
      const value = options.upperCase ? raw.toUpperCase() : raw
      if ((values as readonly string[]).includes(value)) return { value: value as V }
      return {
        ignored:
          options.message?.(raw) ??
          `The ${options.label} ${shown(raw)} is not one of ${values.join(', ')}.`,
      }
    },
    serialize: (value) => value,
  })
}

/** Like `choice`, with a default that leaves no parameter. */
export function choiceOr<const V extends string>(
  name: string,
  values: readonly V[],
  fallback: V,
  options: { label: string; message?: (raw: string) => string },
): UrlField<V> {
  const field = choice(name, values, options)
  return mapField(field, {
    fallback,
    from: (value) => value ?? fallback,
    to: (value) => (value === fallback ? null : value),
  })
}

/** An id (application, agent, route, line…), compared exactly; `null` when absent. */
export function id(name: string, label: string): UrlField<string | null> {
  return param<string | null>(name, {
    fallback: null,
    parse(raw) {
      if (raw === '') return unset
      if (isWellFormedId(raw)) return { value: raw }
      return { ignored: `The ${label} ${shown(raw)} is not a valid id.` }
    },
    serialize: (value) => value || null,
  })
}

/**
 * Free text, `''` when absent. Past `max` characters it is cut (`'cut'`: the server's limit)
 * or ignored (`'drop'`).
 */
export function text(
  name: string,
  options: {
    label: string
    max: number
    whenLonger: 'cut' | 'drop'
    trim?: boolean
    /** Refuse control characters, as in an id (a filter matched against ids). */
    idLike?: boolean
  },
): UrlField<string> {
  const { label, max, whenLonger, trim = true } = options
  return param<string>(name, {
    fallback: '',
    parse(raw) {
      const value = trim ? raw.trim() : raw
      if (options.idLike && !isWellFormedId(value))
        return { ignored: `The ${label} ${shown(value)} is not a valid id.` }
      if (value.length <= max) return { value }
      if (whenLonger === 'drop')
        return { ignored: `The ${label} is longer than ${max} characters.` }
      // Cut first, then trimmed: what the box shows is what is sent.
      const cut = trim ? raw.slice(0, max).trim() : raw.slice(0, max)
      return {
        value: cut,
        ignored: `The ${label} was cut to ${max} characters (the server's limit).`,
      }
    },
    serialize: (value) => (trim ? value.trim() : value) || null,
  })
}

/** A whole number from `min` to `max`; `null` when absent. */
export function integer(
  name: string,
  options: { label: string; min: number; max: number; expected?: string },
): UrlField<number | null> {
  const digits = String(options.max).length
  return param<number | null>(name, {
    fallback: null,
    parse(raw) {
      if (raw === '') return unset
      const value = Number(raw)
      if (
        new RegExp(`^\\d{1,${digits}}$`).test(raw) &&
        value >= options.min &&
        value <= options.max
      )
        return { value }
      const expected = options.expected ?? `a whole number from ${options.min} to ${options.max}`
      return { ignored: `The ${options.label} ${shown(raw)} is not ${expected}.` }
    },
    serialize: (value) => (value === null ? null : String(value)),
  })
}

/** `true` when the parameter holds `on` (`?live=1`, `?agents=all`); absent is `false`. */
export function flag(name: string, on: string, label: string): UrlField<boolean> {
  return param<boolean>(name, {
    fallback: false,
    parse(raw) {
      if (raw === on) return { value: true }
      if (raw === '') return { value: false }
      return { ignored: `The ${label} ${shown(raw)} is not “${on}”.` }
    },
    serialize: (value) => (value ? on : null),
  })
}

/**
 * A comma-separated list of distinct names, each matching `item`, at most `max` of them. An
 * empty parameter is an empty list (it differs from the default, which leaves no parameter).
 */
export function list(
  name: string,
  options: {
    fallback: readonly string[]
    item: RegExp
    max: number
    /** Plural, and what one item is: "metric names", "a metric name". */
    label: string
    itemName: string
  },
): UrlField<readonly string[]> {
  return param<readonly string[]>(name, {
    fallback: options.fallback,
    equals: (a, b) => a.length === b.length && a.every((item, i) => item === b[i]),
    parse(raw) {
      const names = [...new Set(raw.split(',').filter((item) => item !== ''))]
      const valid = names.filter((item) => options.item.test(item)).slice(0, options.max)
      if (valid.length === names.length) return { value: valid }
      return {
        value: valid,
        ignored: `Some ${options.label} in the link were ignored (not ${options.itemName}, or more than ${options.max}).`,
      }
    },
    serialize: (value) => value.join(','),
  })
}

/** A field read and written through another shape (`null` ⇄ a default, ids ⇄ an object). */
export function mapField<A, B>(
  field: UrlField<A>,
  map: { fallback: B; from: (value: A) => B; to: (value: B) => A },
): UrlField<B> {
  return {
    params: field.params,
    fallback: map.fallback,
    read(params) {
      const { value, ignored } = field.read(params)
      return { value: map.from(value), ignored }
    },
    write(params, value) {
      field.write(params, map.to(value))
    },
  }
}

type FieldValues<F> = { [K in keyof F]: F[K] extends UrlField<infer T> ? T : never }

/** A view's fields read and written as one value of another view (the logs' filters). */
export function group<V>(state: UrlState<V>): UrlField<V> {
  return {
    params: state.params,
    fallback: state.defaults,
    read: (params) => {
      const { values, ignored } = state.read(params)
      return { value: values, ignored }
    },
    write: (params, value) => void state.write(params, value),
  }
}

/**
 * A route: its application and its id (`?routeApp=…&route=…`), both or neither; half a route
 * is no route.
 */
export function routeRef(
  names: { applicationId: string; routeId: string },
  labels: { applicationId: string; routeId: string },
): UrlField<{ applicationId: string; routeId: string } | null> {
  const parts = group(
    defineUrlState({
      applicationId: id(names.applicationId, labels.applicationId),
      routeId: id(names.routeId, labels.routeId),
    }),
  )
  return mapField(parts, {
    fallback: null,
    from: ({ applicationId, routeId }) =>
      applicationId && routeId ? { applicationId, routeId } : null,
    to: (route) => route ?? { applicationId: null, routeId: null },
  })
}

/** A table's sort as `?sort=<column>&dir=asc|desc`. */
export function sort<const C extends string, S extends { column: C; desc: boolean } | null>(
  names: { column: string; dir: string },
  columns: readonly C[],
  options: { fallback: S; label: string; defaultDesc: boolean },
): UrlField<{ column: C; desc: boolean } | S> {
  const parts = group(
    defineUrlState({
      column: choice(names.column, columns, { label: options.label }),
      dir: choice(names.dir, ['asc', 'desc'], { label: 'sort direction' }),
    }),
  )
  const isFallback = (value: { column: C; desc: boolean } | S) =>
    value === options.fallback ||
    (value !== null &&
      options.fallback !== null &&
      value.column === options.fallback.column &&
      value.desc === options.fallback.desc)
  return mapField(parts, {
    fallback: options.fallback,
    from: ({ column, dir }) =>
      column === null
        ? options.fallback
        : { column, desc: dir === null ? options.defaultDesc : dir === 'desc' },
    to: (value) =>
      value === null || isFallback(value)
        ? { column: null, dir: null }
        : { column: value.column, dir: value.desc ? ('desc' as const) : ('asc' as const) },
  })
}

export interface UrlState<V> {
  /** Every parameter the view owns. */
  readonly params: readonly string[]
  /** The values of a URL with none of the view's parameters. */
  readonly defaults: V
  read(params: URLSearchParams): { values: V; ignored: IgnoredLinkValue[] }
  /** Writes every field into `params` (mutated and returned), keeping all other parameters. */
  write(params: URLSearchParams, values: V): URLSearchParams
  /** Whether any of `fields` (default: all) differs from its default. */
  isChanged(values: V, fields?: readonly (keyof V)[]): boolean
}

/** A view's URL state from its fields. */
export function defineUrlState<const F extends Record<string, UrlField<unknown>>>(
  fields: F,
): UrlState<FieldValues<F>> {
  type V = FieldValues<F>
  const entries = Object.entries(fields) as [keyof V & string, UrlField<unknown>][]
  const defaults = Object.fromEntries(entries.map(([key, field]) => [key, field.fallback])) as V
  return {
    params: entries.flatMap(([, field]) => field.params),
    defaults,
    read(params) {
      const values = {} as Record<string, unknown>
      const ignored: IgnoredLinkValue[] = []
      for (const [key, field] of entries) {
        const reading = field.read(params)
        values[key] = reading.value
        ignored.push(...reading.ignored)
      }
      return { values: values as V, ignored }
    },
    write(params, values) {
      for (const [key, field] of entries) field.write(params, values[key])
      return params
    },
    isChanged(values, keys = entries.map(([key]) => key)) {
      return keys.some((key) => {
        const field = fields[key as keyof F] as UrlField<unknown>
        const probe = new URLSearchParams()
        field.write(probe, values[key])
        return probe.size > 0
      })
    },
  }
}

/**
 * The API's parameters for the values: only those set (a query key never holds `undefined`),
 * under the API's names.
 */
export function toApiParams<V, const M extends Partial<Record<keyof V, string>>>(
  values: V,
  names: M,
): { [K in keyof M & keyof V as M[K] & string]?: NonNullable<V[K]> } {
  const api: Record<string, unknown> = {}
  for (const key of Object.keys(names) as (keyof V & keyof M)[]) {
    const value = values[key]
    if (value !== null && value !== undefined && value !== '') api[names[key] as string] = value
  }
  return api as { [K in keyof M & keyof V as M[K] & string]?: NonNullable<V[K]> }
}
