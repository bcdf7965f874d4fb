// The repository's root, once: as a URL (for new URL(path, repoRoot)) and as a directory path.
import { fileURLToPath } from 'node:url';

export const repoRoot = new URL('../../', import.meta.url);
export const repoDir = fileURLToPath(repoRoot);
