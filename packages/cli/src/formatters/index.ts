import type { Formatter } from './types.js';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formatters load on demand, so only the one asked for is parsed at startup. */
export async function loadFormatter(name: OutputFormat): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).default;
    case 'json':
      return (await import('./json.js')).default;
    case 'sarif':
      return (await import('./sarif.js')).default;
    case 'github':
      return (await import('./github.js')).default;
  }
}

export type { FormatContext, Formatter } from './types.js';
