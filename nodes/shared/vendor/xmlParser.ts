// fast-xml-parser is bundled into this file at build time (scripts/bundle-vendor.mts), so the
// published package declares no runtime dependency.
export { XMLParser } from 'fast-xml-parser';
export type { X2jOptions } from 'fast-xml-parser';
