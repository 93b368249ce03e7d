// fflate is bundled into this file at build time (scripts/bundle-vendor.mts), so the published
// package declares no runtime dependency. n8n's community-node rules allow neither `zlib` nor
// `node:zlib` at runtime.
export { zlibSync } from 'fflate';
