/**
 * Set-up of every e2e file: whatever a file's suite started and did not stop (a set-up that timed
 * out before it could hand its n8n over, a failed afterAll) is stopped when the file ends.
 */
import { afterAll, beforeAll } from 'vitest';

import { allowProcesses, stopAllProcesses } from '../../../support/process.mjs';

beforeAll(() => allowProcesses());
afterAll(async () => await stopAllProcesses());
