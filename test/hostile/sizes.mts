/** Body sizes, and n8n's own limit that the largest bodies go over. */
export const KIB = 1024;
export const MIB = 1024 * KIB;
/** n8n's default body limit (N8N_PAYLOAD_SIZE_MAX = 16 MiB). */
export const N8N_BODY_LIMIT = 16 * MIB;
