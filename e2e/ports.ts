/**
 * The ports the e2e suite serves the production build on: the root and a sub-path. DATELINE_E2E_PORT moves both
 * (root on it, sub-path on the next), so two checkouts on one machine can run their suites at once.
 */
const base = Number(process.env['DATELINE_E2E_PORT'] ?? '4173');

export const ROOT_PORT = base;
export const SUB_PATH_PORT = base + 1;
export const SUB_PATH_URL = `http://localhost:${SUB_PATH_PORT}/sub/path/`;
