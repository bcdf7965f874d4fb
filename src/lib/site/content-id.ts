/**
 * The one rule for content ids: an entry's file name is its id. content/faq/port-465.mdx says
 * `id: port-465`, content/clients/mutt.yaml says `id: mutt`. The collections in
 * src/content.config.ts call this as their loader's generateId, so a mismatch stops the build with
 * a message that names the file.
 */

/** The file name without its extension: 'port-465.mdx' → 'port-465'. */
export function fileId(entry: string): string {
  const name = entry.slice(entry.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The entry's id, after checking that the `id` written in it equals its file name.
 * `folder` is the collection's folder as a reader sees it ('content/faq'); `entry` the file's path
 * inside it; `data` the entry's parsed, not yet validated, frontmatter or YAML.
 */
export function idFromFileName(folder: string, entry: string, data: Record<string, unknown>): string {
  const expected = fileId(entry);
  const file = `${folder.replace(/\/+$/, '')}/${entry}`;
  const written = data['id'];
  if (written === undefined || written === null || written === '') {
    throw new Error(`${file} has no id. Add \`id: ${expected}\`: the id is the file name.`);
  }
  if (written !== expected) {
    throw new Error(
      `${file} has id ${JSON.stringify(written)}, but its file name says "${expected}". The id must equal the ` +
        'file name: rename the file or correct the id (a published id never changes; see README "Links never break").',
    );
  }
  return expected;
}
