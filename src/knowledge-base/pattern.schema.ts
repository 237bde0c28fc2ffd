import { FACT_NAMES } from '../engine';

const text = { type: 'string', minLength: 1 } as const;
const texts = { type: 'array', items: text } as const;
const step = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'commands'],
  properties: { title: text, description: text, commands: texts },
} as const;
const example = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    name: text,
    text,
    context: {
      type: 'object',
      additionalProperties: false,
      properties: {
        kernel: text,
        os: text,
        kubernetes: text,
        components: { type: 'object', additionalProperties: text },
      },
    },
  },
} as const;

/**
 * JSON Schema of a pattern file (patterns/README.md explains each field). Unknown fields are
 * errors: a typo such as `weigth` must fail loudly, not be ignored.
 */
export const PATTERN_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'title',
    'components',
    'symptoms',
    'signals',
    'rootCause',
    'remediation',
    'references',
    'examples',
  ],
  properties: {
    title: {
      type: 'object',
      additionalProperties: false,
      required: ['en', 'zh'],
      properties: { en: text, zh: text },
    },
    components: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]*$' },
    },
    summary: text,
    affected: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fact'],
        oneOf: [{ required: ['range'] }, { required: ['oneOf'] }],
        properties: {
          fact: { enum: [...FACT_NAMES] },
          range: text,
          oneOf: { type: 'array', minItems: 1, items: text },
          weight: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
          exclusive: { type: 'boolean' },
        },
      },
    },
    symptoms: {
      type: 'object',
      additionalProperties: false,
      required: ['en', 'zh'],
      properties: {
        en: { type: 'array', minItems: 1, items: text },
        zh: { type: 'array', minItems: 1, items: text },
      },
    },
    signals: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'weight'],
        oneOf: [{ required: ['pattern'] }, { required: ['sequence'] }],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          description: text,
          pattern: text,
          sequence: { type: 'array', minItems: 2, items: text },
          within: { type: 'integer', minimum: 1, maximum: 10000 },
          weight: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
          supporting: { type: 'boolean' },
          caseSensitive: { type: 'boolean' },
        },
      },
    },
    rootCause: text,
    remediation: { type: 'array', minItems: 1, items: step },
    confirm: { type: 'array', items: step },
    references: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^https?://' } },
    examples: {
      type: 'object',
      additionalProperties: false,
      required: ['match', 'noMatch'],
      properties: {
        match: { type: 'array', minItems: 1, items: example },
        noMatch: { type: 'array', minItems: 1, items: example },
      },
    },
  },
} as const;
