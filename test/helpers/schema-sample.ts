import { randomUUID } from 'node:crypto';

// A JSON value that satisfies an OpenAPI 3 schema (the subset the app's zod schemas produce), with
// every free-text string set to `text` (cut or padded to the allowed length), so that hostile text
// gets past a route's validation and reaches its service and the database. Every property is
// filled, optional ones too. Strings with a `pattern` get `patterned(pattern)`, if known, and a
// property `named(key)`, if it gives one (ids of records that exist, phone numbers, URLs).

export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
};

type Options = {
  text: string;
  components: Record<string, Schema>;
  /** A value for a string with this pattern, or undefined to fall back on `default`. */
  patterned(pattern: string): string | undefined;
  /** A value for the property of this name, OMIT to leave it out, or undefined to sample its schema. */
  named?(key: string, schema: Schema): unknown;
};

/** From `named`: the property is left out (an optional one whose value other fields constrain). */
export const OMIT = Symbol('omit');

const FORMATS: Record<string, () => string> = {
  uuid: () => randomUUID(),
  date: () => '2024-03-01',
  'date-time': () => '2024-03-01T08:00:00.000Z',
  email: () => 'someone@example.org',
};

export function sampleOf(schema: Schema, options: Options, depth = 0): unknown {
  if (depth > 12) return null;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = options.components[name];
    if (!target) throw new Error(`no schema ${name}`);
    return sampleOf(target, options, depth + 1);
  }
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const first = choices.find((c) => c.type !== 'null') ?? choices[0];
    return first ? sampleOf(first, options, depth + 1) : null;
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, options, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        const value = options.named?.(key, prop) ?? sampleOf(prop, options, depth + 1);
        if (value !== OMIT) out[key] = value;
      }
      return out;
    }
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((s) => sampleOf(s, options, depth + 1));
      // a multi-select picklist: every value (rules across fields often want one of them)
      if (schema.items?.enum) return [...schema.items.enum];
      const count = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: count }, () => sampleOf(schema.items ?? {}, options, depth + 1));
    }
    case 'integer':
    case 'number':
      return schema.maximum ?? schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string': {
      const format = schema.format ? FORMATS[schema.format] : undefined;
      if (format) return format();
      if (schema.pattern) return options.patterned(schema.pattern) ?? schema.default ?? 'x';
      const max = schema.maxLength ?? 10_000;
      const min = schema.minLength ?? 0;
      let text = options.text.slice(0, max);
      while (text.length < min) text += 'x';
      return text;
    }
    default:
      return schema.default ?? null;
  }
}
